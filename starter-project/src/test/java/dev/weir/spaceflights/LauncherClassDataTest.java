package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spaceflights.LauncherCopy.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code ./weir} records and uses the class-data archive {@code target/weir-cds/classes.jsa},
 * through the real launcher in a temporary copy of the starter with a stub {@code java} (it records
 * each call's arguments, one call per line, and writes the file {@code -XX:ArchiveClassesAtExit}
 * names, as HotSpot does at exit) and a stub {@code mvn} (writes an empty class path). That a real
 * archive is recorded and mapped is {@link ClassDataSharingTest}'s job.
 */
class LauncherClassDataTest {
  @TempDir Path base;
  private Path project;
  private Path calls;
  private Path stubs;
  private Path jar;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    project = LauncherCopy.copy(base);
    Path raw = project.resolve("data/01_raw");
    RawDataFolder.copyTo(raw);
    stubs = Files.createDirectories(base.resolve("stubs"));
    calls = base.resolve("java-calls");
    jar = Files.writeString(base.resolve("spark-core_2.13-4.1.3.jar"), "not really a jar");
    Files.writeString(base.resolve("classpath"), jar.toString());
    stub(
        "java",
        "case \"$*\" in *-XshowSettings*) echo '    java.specification.version = 17' >&2;"
            + " exit 0 ;; esac",
        "echo \"$*\" >> '" + calls + "'",
        "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)"
            + " [ -f '"
            + base.resolve("training-fails")
            + "' ] && exit 1;"
            + " echo archive > \"${a#*=}\" ;; esac; done",
        "exit 0");
    stub(
        "mvn",
        "for a in \"$@\"; do case \"$a\" in -Dmdep.outputFile=*) cat '"
            + base.resolve("classpath")
            + "' > \"${a#*=}\" ;; esac; done",
        "mkdir -p '" + project.resolve("target/classes") + "'",
        "exit 0");
  }

  @Test
  void theFirstRunRecordsTheArchiveOnTheDependencyJarsAndLaterRunsMapIt() throws Exception {
    Result first = weir(Map.of(), "run");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err()).contains("weir: recording the classes Spark, Delta and Weir load");
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).hasSize(2);
    String training = lines.get(0);
    assertThat(training)
        .contains("dev.weir.cli.CdsTrainingRun")
        .contains("-XX:ArchiveClassesAtExit=")
        .contains("-cp " + jar + " ") // the dependency jars alone: no target/classes
        .doesNotContain("target/classes");
    Path archive = project.resolve("target/weir-cds/classes.jsa");
    assertThat(archive).exists();
    assertThat(lines.get(1))
        .contains("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off")
        .contains(
            "-cp " + jar + ":" + project.resolve("target/classes") + " dev.weir.cli.Main run");

    Result second = weir(Map.of(), "run");
    assertThat(second.err()).doesNotContain("recording");
    assertThat(Files.readAllLines(calls)).hasSize(3);
    assertThat(Files.readAllLines(calls).get(2)).contains("-XX:SharedArchiveFile=" + archive);
  }

  @Test
  void aNewerDependencyJarRecordsItAgainAndOtherCommandsOnlyUseIt() throws Exception {
    weir(Map.of(), "run");
    Path archive = project.resolve("target/weir-cds/classes.jsa");
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

    Result list = weir(Map.of(), "pipeline", "list");
    assertThat(list.err()).doesNotContain("recording");
    // A stale archive is not mapped: HotSpot would refuse it anyway, with a warning.
    assertThat(Files.readAllLines(calls).get(2)).doesNotContain("SharedArchiveFile");

    Result run = weir(Map.of(), "run");
    assertThat(run.err()).contains("weir: recording");
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines.get(3)).contains("dev.weir.cli.CdsTrainingRun");
    assertThat(lines.get(4)).contains("-XX:SharedArchiveFile=" + archive);
  }

  @Test
  void aFailedRecordingIsReportedOnceAndTheRunGoesOnWithoutIt() throws Exception {
    Files.writeString(base.resolve("training-fails"), "");

    Result first = weir(Map.of(), "run");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err())
        .contains("weir: could not record them (see " + project.resolve("target/weir-cds"));
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("dev.weir.cli.Main run").doesNotContain("SharedArchive");
    assertThat(project.resolve("target/weir-cds")).isDirectoryNotContaining("glob:**.jsa*");

    Result second = weir(Map.of(), "run");
    assertThat(second.err()).doesNotContain("recording", "could not");
    assertThat(Files.readAllLines(calls)).hasSize(3);
  }

  @Test
  void weirCdsZeroNeitherRecordsNorMaps() throws Exception {
    Result run = weir(Map.of("WEIR_CDS", "0"), "run");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).doesNotContain("recording");
    assertThat(Files.readAllLines(calls))
        .singleElement()
        .asString()
        .contains("dev.weir.cli.Main run")
        .doesNotContain("ArchiveClassesAtExit", "SharedArchiveFile");
  }

  /** Databricks Connect's class path has no spark-core: the training run could not start Spark. */
  @Test
  void withoutApacheSparkOnTheClassPathNothingIsRecorded() throws Exception {
    Path connect =
        Files.writeString(base.resolve("databricks-connect_2.13-18.3.4.jar"), "not a jar");
    Files.writeString(base.resolve("classpath"), connect.toString());

    Result run = weir(Map.of(), "run");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).doesNotContain("recording");
    assertThat(Files.readAllLines(calls))
        .singleElement()
        .asString()
        .contains("dev.weir.cli.Main run")
        .doesNotContain("SharedArchiveFile");
  }

  @Test
  void aDryRunDoesNotRecord() throws Exception {
    Result dry = weir(Map.of(), "run", "--dry-run");

    assertThat(dry.err()).doesNotContain("recording");
    assertThat(Files.readAllLines(calls)).singleElement().asString().contains("--dry-run");
  }

  private void stub(String name, String... lines) throws IOException {
    LauncherCopy.stub(stubs, name, lines);
  }

  private Result weir(Map<String, String> env, String... args) throws Exception {
    Map<String, String> withHome = new java.util.HashMap<>(env);
    withHome.putIfAbsent("HOME", base.resolve("home").toString());
    return LauncherCopy.run(project, stubs, withHome, args);
  }
}
