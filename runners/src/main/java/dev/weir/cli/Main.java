package dev.weir.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code weir} command line: {@code run}, {@code pipeline list|describe}, {@code catalog
 * list|resolve}, {@code info}, {@code completion}. Exit codes: 0 success, 1 a node failed, 2 a
 * usage or configuration error ({@link ExitCodes}).
 *
 * <p>Embed it with {@code new CommandLine(new Main()).execute(args)}; {@link #main} also sets up
 * logging and exits the JVM.
 */
@Command(
    name = "weir",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Kedro-style pipelines on Spark, Delta Lake, MLflow and Databricks.",
    subcommands = {
      RunCommand.class,
      PipelineCommand.class,
      CatalogCommand.class,
      InfoCommand.class,
      VizCommand.class,
      dev.weir.databricks.BundleCommand.class,
      dev.weir.databricks.DatabricksCommand.class,
      CompletionCommand.class
    })
public final class Main implements Callable<Integer> {
  // No static logger here: logging is configured in main() before the first logger exists.

  @Spec CommandSpec spec;

  /** A command line ready to execute. */
  public Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    CliLogging.configure(Arrays.asList(args).contains("--verbose"), System.console() != null);
    if (dev.weir.databricks.DatabricksJob.onDatabricks()) {
      // A JAR task: no System.exit on a Databricks driver; failure is an exception (DatabricksJob).
      dev.weir.databricks.DatabricksJob.run(new CommandLine(new Main()), args);
      return;
    }
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * @return the Weir version of this build
   */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("weir-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /** {@code weir --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Weir " + version(), "Java " + System.getProperty("java.version")};
    }
  }
}
