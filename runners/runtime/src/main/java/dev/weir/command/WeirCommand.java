package dev.weir.command;

import dev.weir.WeirException;
import dev.weir.runner.NodeFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of the project commands, built in or contributed by a plugin ({@link WeirSubcommand}): maps
 * errors to exit codes ({@link ExitCodes}: a {@link NodeFailedException} is 1, any other {@link
 * WeirException} 2, anything unexpected 1) and prints a user mistake as its one-paragraph message,
 * with the stack trace only under {@code --verbose}. Subclasses are picocli {@code @Command}s.
 */
public abstract class WeirCommand implements Callable<Integer> {

  /** The shared options ({@code --project}, {@code --env}, ...). */
  @Mixin protected CommonOptions common = new CommonOptions();

  /** The command's picocli model, injected by picocli. */
  @Spec protected CommandSpec spec;

  /** For subclasses. */
  protected WeirCommand() {}

  /**
   * @return the exit code
   * @throws Exception anything; mapped by {@link #call()}
   */
  protected abstract int execute() throws Exception;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (ParameterException e) {
      throw e; // picocli prints it with the usage and exits 2
    } catch (NodeFailedException e) {
      printError(e, false);
      return ExitCodes.RUN_FAILED;
    } catch (WeirException e) {
      printError(e, false);
      return ExitCodes.USAGE;
    } catch (Exception e) {
      printError(e, true);
      return ExitCodes.RUN_FAILED;
    }
  }

  /**
   * @return the command line's standard output
   */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * @return the command line's error output
   */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Prints an error as one paragraph; the stack trace only under {@code --verbose}.
   *
   * @param e the error
   * @param unexpected whether it is not a user mistake (then its class is printed too)
   */
  protected void printError(Throwable e, boolean unexpected) {
    PrintWriter err = err();
    String message = e.getMessage();
    if (unexpected || message == null) {
      err.println("Error: " + e);
    } else {
      err.println("Error: " + message);
    }
    if (common.verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else if (unexpected || (e.getCause() != null && !(e.getCause() instanceof WeirException))) {
      err.println("(add --verbose for the stack trace)");
    }
    err.flush();
  }
}
