package dev.weir.cli;

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
 * Base of the project commands: maps errors to exit codes ({@link ExitCodes}) and prints a user
 * mistake as its one-paragraph message, with the stack trace only under {@code --verbose}.
 */
abstract class WeirCommand implements Callable<Integer> {

  @Mixin CommonOptions common = new CommonOptions();

  @Spec CommandSpec spec;

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

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  void printError(Throwable e, boolean unexpected) {
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
