package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code weir run} on the spaceflights project through {@link Main#commandLine()}, on a copy of
 * {@code conf/} and the raw data, with MLflow's default local store ({@code mlflow.db}) read back
 * with plain JDBC: a configuration error found before the first node leaves no MLflow run, and
 * {@code --only-missing-outputs} after a complete run runs nothing, although {@code model_metrics}
 * (an MLflow metrics dataset) cannot say whether an earlier run wrote it.
 */
class CommandLineRunTest {
  private static final Path PROJECT = Paths.get("").toAbsolutePath();

  @TempDir Path project;

  private record Run(int exitCode, String out, String err) {}

  private Run weir(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--project");
    all.add(project.toString());
    int code = cmd.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private List<String> mlflowRunStatuses() throws SQLException {
    List<String> statuses = new ArrayList<>();
    if (!Files.exists(project.resolve("mlflow.db"))) {
      return statuses;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("mlflow.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT status FROM runs ORDER BY start_time")) {
      while (rs.next()) {
        statuses.add(rs.getString(1));
      }
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("no such table")) {
        return statuses;
      }
      throw e;
    }
    return statuses;
  }

  @Test
  void noMlflowRunForAConfigurationErrorAndNothingToRunAfterACompleteRun() throws Exception {
    SpaceflightsEndToEndTest.copy(PROJECT.resolve("conf"), project.resolve("conf"));
    RawDataFolder.copyTo(project.resolve("data/01_raw"));
    TestSpark.session();

    Run badParameter = weir("run", "--params", "model_options.test_size=abc");

    assertThat(badParameter.exitCode()).as(badParameter.err()).isEqualTo(2);
    assertThat(badParameter.err()).contains("model_options").doesNotContain("\tat ");
    assertThat(mlflowRunStatuses()).as("no MLflow run before the first node").isEmpty();

    Run complete = weir("run");

    assertThat(complete.exitCode()).as(complete.err()).isZero();
    assertThat(complete.out()).contains("(10 nodes ran)");
    assertThat(mlflowRunStatuses()).containsExactly("FINISHED");

    Run again = weir("run", "--only-missing-outputs");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("(0 nodes ran)");
    assertThat(mlflowRunStatuses()).as("a run with no node to run tracks nothing").hasSize(1);
  }
}
