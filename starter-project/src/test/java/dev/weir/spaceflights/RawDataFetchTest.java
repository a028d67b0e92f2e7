package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.weir.spaceflights.LauncherCopy.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./weir run} gets the raw data ({@code bin/fetch-raw-data}), through the real launcher
 * in a temporary copy of the starter: {@code weir}, {@code bin/} and {@code
 * data/01_raw/SHA256SUMS}. A stub {@code mvn} first on the {@code PATH} records that a build was
 * started, and fails it, so no test builds anything. Downloads go to a loopback HTTP server
 * standing in for GitHub, or to a closed loopback port; never to a real host. The recorded
 * checksums are checked against the real files ({@link RawDataFolder}).
 */
class RawDataFetchTest {
  private static final Path PROJECT = LauncherCopy.PROJECT;

  @TempDir Path base;
  private Path project;
  private Path raw;
  private Path buildMarker;
  private Path stubs;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    project = LauncherCopy.copy(base);
    raw = project.resolve("data/01_raw");
    stubs = Files.createDirectories(base.resolve("stubs"));
    buildMarker = base.resolve("mvn-was-called");
    LauncherCopy.stub(stubs, "mvn", "echo \"$@\" >> '" + buildMarker + "'", "exit 1");
  }

  @Test
  void withNoSourceRunStopsBeforeAnyBuildWithOneParagraph() throws Exception {
    Result result = weir(Map.of("WEIR_SPACEFLIGHTS_URL", closedPortUrl()), "run");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    String paragraph =
        result.err().substring(result.err().indexOf("weir: the spaceflights raw data"));
    assertThat(paragraph.strip()).doesNotContain("\n\n");
    assertThat(paragraph.replace('\n', ' '))
        .contains("companies.csv, reviews.csv and shuttles.xlsx")
        .contains(raw + "/")
        .contains("set WEIR_SPACEFLIGHTS_DATA to a folder that holds them")
        .contains("kedro-org/kedro-starters")
        .contains("Apache License 2.0")
        .contains("download from http://127.0.0.1:")
        .contains("Nothing was built or run.");
    assertThat(buildMarker).doesNotExist();
    assertThat(project.resolve("target")).doesNotExist();
    assertThat(list(raw)).containsExactly("SHA256SUMS");
  }

  @Test
  void theFolderInTheEnvironmentFillsTheRawDataBeforeTheBuild() throws Exception {
    Result result =
        weir(Map.of("WEIR_SPACEFLIGHTS_DATA", RawDataFolder.find().toString()), "run", "--dry-run");

    assertSameAsTheRealFiles();
    assertThat(result.err()).contains("companies.csv <- " + RawDataFolder.find());
    // Then the launcher went on to build: the stub mvn ran and failed.
    assertThat(buildMarker).exists();
    assertThat(result.err()).contains("the Maven build failed");
  }

  @Test
  void insideTheRepositoryTheSharedFolderBesideItIsUsed() throws Exception {
    Files.writeString(
        base.resolve("repo/pom.xml"),
        "<project><modules><module>starter-project</module></modules></project>\n");
    Path shared = Files.createDirectories(base.resolve("shared/data/spaceflights"));
    for (String file : RawDataFolder.FILES) {
      Files.copy(RawDataFolder.find().resolve(file), shared.resolve(file));
    }

    Result result = weir(Map.of("WEIR_SPACEFLIGHTS_URL", closedPortUrl()), "run");

    assertSameAsTheRealFiles();
    assertThat(result.err()).contains("shuttles.xlsx <- " + shared);
    assertThat(buildMarker).exists();
  }

  @Test
  void aTruncatedFileIsRefusedAndNotCopied() throws Exception {
    Path source = Files.createDirectories(base.resolve("source"));
    for (String file : RawDataFolder.FILES) {
      Files.copy(RawDataFolder.find().resolve(file), source.resolve(file));
    }
    byte[] shuttles = Files.readAllBytes(source.resolve("shuttles.xlsx"));
    Files.write(source.resolve("shuttles.xlsx"), java.util.Arrays.copyOf(shuttles, 1000));

    Result result =
        weir(
            Map.of(
                "WEIR_SPACEFLIGHTS_DATA",
                source.toString(),
                "WEIR_SPACEFLIGHTS_URL",
                closedPortUrl()),
            "run");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err().replace('\n', ' '))
        .contains("refused shuttles.xlsx from " + source)
        .contains("(1000 bytes)")
        .contains(sha256(RawDataFolder.find().resolve("shuttles.xlsx")))
        .contains("changed or cut short");
    assertThat(raw.resolve("shuttles.xlsx")).doesNotExist();
    assertThat(buildMarker).doesNotExist();
  }

  @Test
  void aDownloadIsCheckedLikeACopy() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    Map<String, byte[]> served = new LinkedHashMap<>();
    for (String file : RawDataFolder.FILES) {
      served.put(file, Files.readAllBytes(RawDataFolder.find().resolve(file)));
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/kedro/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          String name = exchange.getRequestURI().getPath().substring("/kedro/".length());
          byte[] body = served.get(name);
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            if (body != null) {
              out.write(body);
            }
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/kedro";
      served.put("reviews.csv", "shuttle_id\n1\n".getBytes(StandardCharsets.UTF_8));

      Result refused = weir(Map.of("WEIR_SPACEFLIGHTS_URL", url), "run");

      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
      assertThat(refused.err().replace('\n', ' '))
          .contains("refused reviews.csv from " + url + "/reviews.csv");
      assertThat(raw.resolve("reviews.csv")).doesNotExist();
      assertThat(buildMarker).doesNotExist();

      served.put("reviews.csv", Files.readAllBytes(RawDataFolder.find().resolve("reviews.csv")));
      Result fetched = weir(Map.of("WEIR_SPACEFLIGHTS_URL", url), "run");

      assertSameAsTheRealFiles();
      assertThat(requests)
          .contains("/kedro/companies.csv", "/kedro/reviews.csv", "/kedro/shuttles.xlsx");
      assertThat(buildMarker).as(fetched.toString()).exists();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void filesAlreadyThereAreLeftAloneAndOtherCommandsNeedNoData() throws Exception {
    Result pipelines = weir(Map.of("WEIR_SPACEFLIGHTS_URL", closedPortUrl()), "pipeline", "list");
    assertThat(pipelines.err()).doesNotContain("raw data");
    assertThat(buildMarker).exists();
    Files.delete(buildMarker);

    for (String file : RawDataFolder.FILES) {
      Files.writeString(raw.resolve(file), "my own " + file + "\n");
    }
    Result run = weir(Map.of("WEIR_SPACEFLIGHTS_URL", closedPortUrl()), "run");

    assertThat(run.err()).doesNotContain("raw data");
    assertThat(buildMarker).exists();
    assertThat(raw.resolve("companies.csv")).hasContent("my own companies.csv");
  }

  @Test
  void theRecordedChecksumsAreThoseOfTheRealFiles() throws Exception {
    Map<String, String> recorded = new LinkedHashMap<>();
    for (String line : Files.readAllLines(PROJECT.resolve("data/01_raw/SHA256SUMS"))) {
      String[] parts = line.split(" +\\*?", 2);
      recorded.put(parts[1], parts[0]);
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (String file : RawDataFolder.FILES) {
      actual.put(file, sha256(RawDataFolder.find().resolve(file)));
    }
    assertThat(recorded).isEqualTo(actual);
  }

  /**
   * The launcher's first build: Maven's own progress (no {@code -q}), no colour codes, and a first
   * line that says how much it downloads; the README says it too.
   */
  @Test
  void theFirstBuildShowsMavensProgressAndSaysHowMuchItDownloads() throws Exception {
    // Maven 3.8 writes ANSI resets even with -B -Dstyle.color=never, as this stub does.
    Files.writeString(
        stubs.resolve("mvn"),
        "#!/bin/sh\necho \"$@\" >> '"
            + buildMarker
            + "'\nprintf '\\033[0m\\033[0m[INFO] Scanning for projects...\\n'\nexit 1\n");
    Result result = weir(Map.of("HOME", base.resolve("empty-home").toString()), "pipeline", "list");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err().replace('\n', ' '))
        .contains("weir: first build of starter-project")
        .contains("about 570 MB of dependencies")
        .contains("Maven's progress follows")
        .contains("the Maven build failed");
    List<String> build = List.of(Files.readAllLines(buildMarker).get(0).split(" "));
    assertThat(build).contains("-B", "-Dstyle.color=never", "install").doesNotContain("-q");
    assertThat(result.out() + result.err())
        .contains("[INFO] Scanning for projects...")
        .doesNotContain("\u001b");
    assertThat(Files.readString(PROJECT.resolve("README.md")).replace('\n', ' '))
        .contains("about 570 MB");
  }

  /**
   * The launcher starts the JVM with Spark's options but not the incubator module, whose warning
   * ("Using incubator modules") a user cannot act on. A stub {@code java} records its arguments.
   */
  @Test
  void theLauncherStartsTheJvmWithoutTheIncubatorModule() throws Exception {
    Path javaArgs = base.resolve("java-args");
    Path java = stubs.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "case \"$*\" in *-XshowSettings*) echo '    java.specification.version = 17' >&2;"
            + " exit 0 ;; esac\n"
            + "printf '%s\\n' \"$@\" > '"
            + javaArgs
            + "'\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Path mvn = stubs.resolve("mvn");
    Files.writeString(
        mvn,
        "#!/bin/sh\n"
            + "for a in \"$@\"; do case \"$a\" in -Dmdep.outputFile=*) : > \"${a#*=}\" ;; esac;"
            + " done\nexit 0\n");
    Files.createDirectories(project.resolve("target"));

    Result result = weir(Map.of("HOME", base.resolve("empty-home").toString()), "pipeline", "list");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> args = Files.readAllLines(javaArgs);
    assertThat(args)
        .contains("--add-opens=java.base/java.nio=ALL-UNNAMED", "dev.weir.cli.Main", "pipeline")
        .noneMatch(a -> a.contains("jdk.incubator"));
  }

  private void assertSameAsTheRealFiles() throws IOException {
    assertThat(list(raw))
        .containsExactly("SHA256SUMS", "companies.csv", "reviews.csv", "shuttles.xlsx");
    for (String file : RawDataFolder.FILES) {
      assertThat(Files.mismatch(raw.resolve(file), RawDataFolder.find().resolve(file)))
          .as(file)
          .isEqualTo(-1L);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** A loopback URL nothing listens on: the download fails at once. */
  private static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/kedro";
    }
  }

  /** Runs the copied {@code ./weir} with a clean data environment and the stub {@code mvn}. */
  private Result weir(Map<String, String> env, String... args) throws Exception {
    return LauncherCopy.run(project, stubs, env, args);
  }
}
