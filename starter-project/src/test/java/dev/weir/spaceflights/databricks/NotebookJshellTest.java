package dev.weir.spaceflights.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spaceflights.databricks.JobJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook cells of the README, run by {@code jshell} (the JDK's REPL) as the script {@code
 * src/test/jshell/notebook.jsh} against the built job JAR plus the cluster's classpath, on an
 * embedded Spark. The project folder holds the raw data only: the configuration comes from the JAR.
 * The script prints its figures and exits non-zero on a failed check.
 */
@Tag(JobJar.TAG)
class NotebookJshellTest {
  @TempDir static Path dir;

  private static Result jshell;
  private static Path project;

  @BeforeAll
  static void runTheNotebookCells() throws Exception {
    StarterProject.copyTo(dir.resolve("copy"));
    project = Files.createDirectories(dir.resolve("notebook-project"));
    Files.move(dir.resolve("copy/data"), project.resolve("data"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jshell").toString());
    command.add("--class-path");
    command.add(JobJar.classpath(JobJar.jar().toString(), JobJar.clusterClasspath()));
    command.add("-R-Xmx1g");
    for (String flag : JobJar.jvmFlags()) {
      command.add("-R" + flag);
    }
    command.add("-R-Dweir.project=" + project);
    command.add(StarterProject.SOURCE.resolve("src/test/jshell/notebook.jsh").toString());
    jshell = JobJar.run(dir, Map.of(), command);
  }

  @Test
  void theCellsRunAndEveryCheckPasses() {
    assertThat(jshell.output()).contains("ALL CHECKS PASSED").doesNotContain("CHECK FAILED");
    assertThat(jshell.exitCode()).as(jshell.output()).isZero();
  }

  @Test
  void theFiguresArePrinted() {
    assertThat(jshell.output())
        .contains("pipelines: [__default__, data_processing, data_science, reporting]")
        .contains("nodes run: 4")
        .containsPattern("model_input_table rows: [1-9][0-9]*")
        .contains("model_input_table columns: ");
    assertThat(project.resolve("data/03_primary/model_input_table/_delta_log")).isDirectory();
  }
}
