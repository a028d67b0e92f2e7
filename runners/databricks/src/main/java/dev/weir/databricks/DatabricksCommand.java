package dev.weir.databricks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weir databricks}: commands that talk to a Databricks workspace. */
@Command(
    name = "databricks",
    mixinStandardHelpOptions = true,
    description = "Work with a Databricks workspace.",
    subcommands = {SubmitCommand.class})
public final class DatabricksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** A command ready to run. */
  public DatabricksCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
