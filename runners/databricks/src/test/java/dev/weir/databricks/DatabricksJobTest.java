package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatabricksJobTest {
  @TempDir Path project;

  @Test
  void aDatabricksDriverIsRecognisedByItsRuntimeVersion() {
    DatabricksJob job = new DatabricksJob();
    assertThat(job.active(Map.of("DATABRICKS_RUNTIME_VERSION", "18.0"))).isTrue();
    assertThat(job.active(Map.of("DATABRICKS_RUNTIME_VERSION", " "))).isFalse();
    assertThat(job.active(Map.of("SPARK_HOME", "/databricks/spark"))).isFalse();
  }

  @Test
  void theCommandLineFindsTheDatabricksEnvironmentThroughServiceLoader() {
    assertThat(
            java.util.ServiceLoader.load(dev.weir.command.JobEnvironment.class).stream()
                .map(p -> p.type().getName()))
        .contains(DatabricksJob.class.getName());
  }

  @Test
  void successReturnsWithoutExiting() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine().setOut(new PrintWriter(out, true));

    assertThatCode(() -> Main.runIn(new DatabricksJob(), cli, "--version"))
        .doesNotThrowAnyException();
    assertThat(out.toString()).contains("Weir");
  }

  @Test
  void aFailureThrowsTheErrorTheCommandPrintedAndStillPrintsIt() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine().setErr(new PrintWriter(err, true));

    assertThatThrownBy(
            () -> Main.runIn(new DatabricksJob(), cli, "run", "--project", project.toString()))
        .isInstanceOf(DatabricksJobException.class)
        .hasMessageStartingWith("weir exited with code 2: Error: ")
        .hasMessageContaining("conf")
        .hasMessageNotContaining("--verbose");
    assertThat(err.toString()).startsWith("Error: ");
  }

  @Test
  void aFailureWithoutOutputPointsToTheDriverLog() {
    assertThat(DatabricksJob.message(1, "\n(add --verbose for the stack trace)\n"))
        .isEqualTo("weir exited with code 1: see the driver log (stderr) for details");
  }
}
