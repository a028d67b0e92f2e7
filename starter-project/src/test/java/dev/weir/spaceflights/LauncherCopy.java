package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A temporary copy of the starter's {@code ./weir} launcher ({@code weir}, {@code bin/} and {@code
 * data/01_raw/SHA256SUMS}, in {@code <base>/repo/starter-project}), run with stub commands first on
 * the {@code PATH}. Shared by the launcher tests.
 */
final class LauncherCopy {
  /** The real starter project (the test's working directory). */
  static final Path PROJECT = Paths.get("").toAbsolutePath();

  private LauncherCopy() {}

  /** What one {@code ./weir} call did. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
  }

  /**
   * @param base a temporary folder
   * @return the copied project folder, {@code <base>/repo/starter-project}
   * @throws IOException when a file cannot be copied
   */
  static Path copy(Path base) throws IOException {
    Path project = Files.createDirectories(base.resolve("repo/starter-project"));
    Files.copy(
        PROJECT.resolve("weir"), project.resolve("weir"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(project.resolve("bin"));
    Files.copy(
        PROJECT.resolve("bin/fetch-raw-data"),
        project.resolve("bin/fetch-raw-data"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Path raw = Files.createDirectories(project.resolve("data/01_raw"));
    Files.copy(PROJECT.resolve("data/01_raw/SHA256SUMS"), raw.resolve("SHA256SUMS"));
    return project;
  }

  /**
   * Runs the copied {@code ./weir} without the data, CDS and JVM settings of the calling
   * environment, with {@code stubs} first on the {@code PATH}; waits at most 120 s.
   *
   * @param project the copied project
   * @param stubs the folder of stub commands
   * @param env more environment variables
   * @param args the launcher's arguments
   * @return its exit code and output
   * @throws Exception when it cannot be started or read
   */
  static Result run(Path project, Path stubs, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(project.resolve("weir").toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    for (String inherited :
        List.of("WEIR_SPACEFLIGHTS_DATA", "WEIR_SPACEFLIGHTS_URL", "WEIR_CDS", "JAVA_OPTS")) {
      builder.environment().remove(inherited);
    }
    builder.environment().put("PATH", stubs + File.pathSeparator + System.getenv("PATH"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(stubs.getParent(), "weir-out", ".txt");
    Path err = Files.createTempFile(stubs.getParent(), "weir-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("./weir finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /**
   * Writes an executable shell script {@code stubs/<name>}.
   *
   * @param stubs the folder of stub commands
   * @param name the command's name
   * @param lines its lines, after {@code #!/bin/sh}
   * @throws IOException when it cannot be written
   */
  static void stub(Path stubs, String name, String... lines) throws IOException {
    Path file = stubs.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }
}
