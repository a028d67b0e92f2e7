package dev.weir.databricks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import picocli.CommandLine;

/**
 * The packaged job's entry point on a Databricks driver (a JAR task whose main class is {@code
 * dev.weir.cli.Main}).
 *
 * <p>Databricks runs a JAR task's {@code main} inside the driver's JVM, next to the notebook and
 * job machinery: the job must use the cluster's shared Spark session and must not call {@code
 * System.exit} (Databricks, "Use a JAR in Lakeflow Jobs": JAR jobs must not call {@code
 * System.exit(0)} or stop the shared context). A run succeeds when {@code main} returns and fails
 * when it throws; the exception's message is the error the Jobs UI shows for the run. So on a
 * driver, {@link #run} returns on exit code 0 and otherwise throws a {@link DatabricksJobException}
 * carrying the error paragraph the command printed.
 *
 * <p>A driver is recognised by the {@code DATABRICKS_RUNTIME_VERSION} environment variable, which
 * every Databricks Runtime sets.
 */
public final class DatabricksJob {
  /** Set on every Databricks cluster node, e.g. {@code 18.0}. */
  public static final String RUNTIME_VERSION_ENV = "DATABRICKS_RUNTIME_VERSION";

  private DatabricksJob() {}

  /**
   * @return whether this JVM runs on a Databricks cluster
   */
  public static boolean onDatabricks() {
    return onDatabricks(System.getenv());
  }

  /**
   * @param env environment variables
   * @return whether {@value #RUNTIME_VERSION_ENV} is set
   */
  public static boolean onDatabricks(Map<String, String> env) {
    String version = env.get(RUNTIME_VERSION_ENV);
    return version != null && !version.isBlank();
  }

  /**
   * Runs the command line as a JAR task: its output and errors still go to the driver log (stdout
   * and stderr), and a failure becomes an exception.
   *
   * @param commandLine the Weir command line
   * @param args the task's {@code parameters}
   * @throws DatabricksJobException when the command's exit code is not 0; the message is the error
   *     the command printed, with the exit code
   */
  public static void run(CommandLine commandLine, String... args) {
    StringWriter errors = new StringWriter();
    commandLine.setErr(new PrintWriter(new Tee(commandLine.getErr(), errors), true));
    int code = commandLine.execute(args);
    commandLine.getErr().flush();
    if (code != 0) {
      throw new DatabricksJobException(message(code, errors.toString()));
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

  /** Writes to the original writer and keeps a copy. */
  private static final class Tee extends Writer {
    private final Writer first;
    private final Writer second;

    Tee(Writer first, Writer second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      first.write(buffer, offset, length);
      second.write(buffer, offset, length);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
