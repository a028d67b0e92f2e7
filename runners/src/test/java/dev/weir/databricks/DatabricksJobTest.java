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
    assertThat(DatabricksJob.onDatabricks(Map.of("DATABRICKS_RUNTIME_VERSION", "18.0"))).isTrue();
    assertThat(DatabricksJob.onDatabricks(Map.of("DATABRICKS_RUNTIME_VERSION", " "))).isFalse();
    assertThat(DatabricksJob.onDatabricks(Map.of("SPARK_HOME", "/databricks/spark"))).isFalse();
  }

  @Test
  void successReturnsWithoutExiting() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out, true));

    assertThatCode(() -> DatabricksJob.run(cli, "--version")).doesNotThrowAnyException();
    assertThat(out.toString()).contains("Weir");
  }

  @Test
  void aFailureThrowsTheErrorTheCommandPrintedAndStillPrintsIt() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err, true));

    assertThatThrownBy(() -> DatabricksJob.run(cli, "run", "--project", project.toString()))
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
