package dev.weir.cli;

import dev.weir.ClosestNames;
import dev.weir.command.ExitCodes;
import dev.weir.command.JobEnvironment;
import dev.weir.command.WeirSubcommand;
import dev.weir.runner.RunProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code weir} command line: {@code run}, {@code pipeline list|describe}, {@code catalog
 * list|resolve}, {@code info}, {@code completion}, plus every subcommand a plugin on the class path
 * registers as a {@link WeirSubcommand} ({@code viz}, {@code bundle}, {@code databricks}). Exit
 * codes: 0 success, 1 a node failed, 2 a usage or configuration error ({@link ExitCodes}).
 *
 * <p>Embed it with {@code Main.commandLine().execute(args)}; {@link #main} also sets up logging and
 * exits the JVM, or hands the exit code to the active {@link JobEnvironment} (a Databricks JAR
 * task).
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
      CompletionCommand.class
    })
public final class Main implements Callable<Integer> {
  // No static logger here: logging is configured in main() before the first logger exists.

  @Spec CommandSpec spec;

  /** {@link System#nanoTime()} when {@link #main} was entered; 0 when embedded. */
  private static volatile long mainNanos;

  /** The JVM's uptime in milliseconds when {@link #main} was entered. */
  private static volatile long uptimeAtMainMillis;

  /** The top-level command; {@link #commandLine()} adds the plugins' subcommands to it. */
  public Main() {}

  /**
   * Runs the command line and exits with its code, or hands the code to the active {@link
   * JobEnvironment}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    mainNanos = System.nanoTime();
    uptimeAtMainMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    CliLogging.configure(Arrays.asList(args).contains("--verbose"), System.console() != null);
    CommandLine commandLine = commandLine();
    Optional<JobEnvironment> job = jobEnvironment(System.getenv());
    if (job.isPresent()) {
      runIn(job.get(), commandLine, args);
      return;
    }
    System.exit(commandLine.execute(args));
  }

  /**
   * @return the {@code weir} command line with the built-in subcommands and every {@link
   *     WeirSubcommand} found by {@link ServiceLoader} on the class path
   * @throws picocli.CommandLine.InitializationException when two subcommands share a name
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    for (WeirSubcommand plugin : ServiceLoader.load(WeirSubcommand.class)) {
      commandLine.addSubcommand(plugin.command());
    }
    commandLine.setParameterExceptionHandler(Main::usageError);
    return commandLine;
  }

  /**
   * Prints a usage mistake: picocli's message, then for a mistyped command or option the closest
   * ones ({@link ClosestNames#didYouMean}, {@code "Did you mean: run?"}), else the usage.
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(e.getMessage());
    String hint = "";
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      hint =
          first.startsWith("-")
              ? ClosestNames.didYouMean(first, commandLine.getCommandSpec().optionsMap().keySet())
              : ClosestNames.didYouMean(first, commandLine.getSubcommands().keySet());
    }
    if (hint.isEmpty()) {
      commandLine.usage(err);
    } else {
      err.println(
          hint.strip() + " Run " + commandLine.getCommandSpec().qualifiedName() + " --help.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * @param env the process environment
   * @return the first {@link JobEnvironment} on the class path that is active in {@code env}
   */
  static Optional<JobEnvironment> jobEnvironment(Map<String, String> env) {
    for (JobEnvironment candidate : ServiceLoader.load(JobEnvironment.class)) {
      if (candidate.active(env)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Executes the command line and hands its exit code and error output to {@code job}, which ends
   * the program its own way (a Databricks JAR task throws instead of exiting). The error output
   * still reaches the command line's own error writer.
   *
   * @param job the environment
   * @param commandLine the command line
   * @param args the arguments
   * @throws RuntimeException whatever {@link JobEnvironment#finish} throws for a failed command
   */
  public static void runIn(JobEnvironment job, CommandLine commandLine, String... args) {
    StringWriter errors = new StringWriter();
    commandLine.setErr(new PrintWriter(new Tee(commandLine.getErr(), errors), true));
    int code = commandLine.execute(args);
    commandLine.getErr().flush();
    job.finish(code, errors.toString());
  }

  /**
   * @return a profile whose wall time starts at the JVM's start when the program entered through
   *     {@link #main} (its JVM start-up a part of its own), else now
   */
  static RunProfile startProfile() {
    long started = mainNanos;
    return started == 0 ? RunProfile.start() : RunProfile.start(started, uptimeAtMainMillis);
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

  /** Writes to two writers: the command's error output and the copy handed to the job. */
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
