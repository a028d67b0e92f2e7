package dev.weir.cli;

import dev.weir.config.RuntimeParams;
import dev.weir.session.Session;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options every command shares: where the project is, which environment, and how loud. */
final class CommonOptions {

  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "Project directory (holding conf/). Default: the working directory.")
  Path project = Path.of("");

  @Option(
      names = {"--env", "-e"},
      paramLabel = "ENV",
      description = "Configuration environment. Default: WEIR_ENV, else local.")
  @Nullable String env;

  @Option(
      names = "--conf-source",
      paramLabel = "PATH",
      description =
          "Configuration directory. Default: <project>/conf, else a conf/ directory packaged in"
              + " the job JAR. 'classpath:conf' forces the packaged one.")
  @Nullable String confSource;

  @Option(
      names = "--params",
      paramLabel = "K=V[,K2.SUB=V2]",
      description = "Runtime parameters; dotted keys nest; values are typed as YAML scalars.")
  @Nullable String params;

  @Option(
      names = "--verbose",
      description = "Show stack traces, Weir's debug logs and Spark's INFO logs.")
  boolean verbose;

  /**
   * @return a session builder with these options applied
   */
  Session.Builder sessionBuilder() {
    Path root = project.toAbsolutePath().normalize();
    Session.Builder builder =
        Session.builder()
            .projectPath(root)
            .env(env)
            .confSource(ConfSources.resolve(confSource, root));
    if (params != null && !params.isBlank()) {
      builder.runtimeParams(RuntimeParams.parse(params));
    }
    return builder;
  }
}
