package dev.weir.cli;

import dev.weir.WeirException;
import dev.weir.command.ExitCodes;
import dev.weir.command.WeirCommand;
import dev.weir.hooks.Hook;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.session.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/** {@code weir info}: versions, the project, its environment, dataset types and hooks. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show the Weir and Java versions, the project, dataset types and hooks.")
final class InfoCommand extends WeirCommand {

  @Override
  protected int execute() {
    Session session = common.sessionBuilder().build();
    PrintWriter out = out();
    out.println("Weir " + Main.version());
    out.println(
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    out.println("Project: " + session.projectPath());
    out.println("Configuration: " + session.confSource());
    String env;
    try {
      env = session.config().env();
    } catch (WeirException e) {
      env =
          (common.env() != null ? common.env() : "?")
              + " (configuration not loadable: see weir run --dry-run)";
    }
    out.println("Environment: " + env);
    out.println("Dataset types: " + String.join(", ", DatasetTypeRegistry.loadInstalled().names()));
    List<Hook> hooks = session.hooks();
    out.println(
        "Hooks: "
            + (hooks.isEmpty()
                ? "(none)"
                : String.join(", ", hooks.stream().map(h -> h.getClass().getName()).toList())));
    String pipelines;
    try {
      pipelines = String.join(", ", new TreeSet<>(session.pipelines().keySet()));
    } catch (WeirException e) {
      pipelines = "(none: " + e.getMessage() + ")";
    }
    out.println("Pipelines: " + pipelines);
    out.flush();
    return ExitCodes.OK;
  }
}
