package dev.weir.databricks;

import dev.weir.command.JobEnvironment;
import java.util.Map;

/**
 * The packaged job's ending on a Databricks driver (a JAR task whose main class is {@code
 * dev.weir.cli.Main}), registered as a {@link JobEnvironment}.
 *
 * <p>Databricks runs a JAR task's {@code main} inside the driver's JVM, next to the notebook and
 * job machinery: the job must use the cluster's shared Spark session and must not call {@code
 * System.exit} (Databricks, "Use a JAR in Lakeflow Jobs": JAR jobs must not call {@code
 * System.exit(0)} or stop the shared context). A run succeeds when {@code main} returns and fails
 * when it throws; the exception's message is the error the Jobs UI shows for the run. So on a
 * driver, {@link #finish} returns on exit code 0 and otherwise throws a {@link
 * DatabricksJobException} carrying the error paragraph the command printed.
 *
 * <p>A driver is recognised by the {@code DATABRICKS_RUNTIME_VERSION} environment variable, which
 * every Databricks Runtime sets.
 */
public final class DatabricksJob implements JobEnvironment {
  /** Set on every Databricks cluster node, e.g. {@code 18.0}. */
  public static final String RUNTIME_VERSION_ENV = "DATABRICKS_RUNTIME_VERSION";

  /** Instantiated by {@link java.util.ServiceLoader}. */
  public DatabricksJob() {}

  /**
   * @param env environment variables
   * @return whether {@value #RUNTIME_VERSION_ENV} is set
   */
  @Override
  public boolean active(Map<String, String> env) {
    String version = env.get(RUNTIME_VERSION_ENV);
    return version != null && !version.isBlank();
  }

  /**
   * Returns on exit code 0, else fails the JAR task.
   *
   * @param exitCode the command's exit code
   * @param errorOutput what the command printed on its error output
   * @throws DatabricksJobException when {@code exitCode} is not 0; the message is the error the
   *     command printed, with the exit code
   */
  @Override
  public void finish(int exitCode, String errorOutput) {
    if (exitCode != 0) {
      throw new DatabricksJobException(message(exitCode, errorOutput));
    }
  }

  static String message(int code, String printed) {
    StringBuilder text = new StringBuilder();
    for (String line : printed.strip().split("\\R")) {
      if (line.isBlank() || line.startsWith("(add --verbose")) {
        continue;
      }
      text.append(text.length() == 0 ? "" : " ").append(line.strip());
    }
    String what = text.length() == 0 ? "see the driver log (stderr) for details" : text.toString();
    return "weir exited with code " + code + ": " + what;
  }
}
