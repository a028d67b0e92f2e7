package dev.weir.command;

import dev.weir.config.RuntimeParams;
import dev.weir.session.Session;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options every project command shares: {@code --project}, {@code --env}, {@code --conf-source},
 * {@code --params}, {@code --verbose}. A picocli mixin; {@link WeirCommand} carries one.
 */
public final class CommonOptions {

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
  /** Options with their defaults; picocli fills them from the command line. */
  public CommonOptions() {}

  /**
   * @return the configuration environment given with {@code --env}, or {@code null}
   */
  public @Nullable String env() {
    return env;
  }

  /**
   * @return whether {@code --verbose} was given
   */
  public boolean verbose() {
    return verbose;
  }

  /**
   * @return a session builder for the project, environment, configuration source and runtime
   *     parameters given
   * @throws dev.weir.config.ConfigException when {@code --conf-source} names a directory that does
   *     not exist or no packaged directory, or {@code --params} cannot be parsed
   */
  public Session.Builder sessionBuilder() {
    Path root = project.toAbsolutePath().normalize();
    Path conf = dev.weir.session.ConfSources.resolve(confSource, root);
    if (confSource != null && !java.nio.file.Files.isDirectory(conf)) {
      throw new dev.weir.config.ConfigException(
          "--conf-source "
              + confSource
              + ": the directory "
              + conf
              + " does not exist. Give the directory that holds base/ (and local/), relative to"
              + " the project "
              + root
              + " or absolute, or leave the option out to use "
              + root.resolve("conf")
              + ".");
    }
    Session.Builder builder = Session.builder().projectPath(root).env(env).confSource(conf);
    if (params != null && !params.isBlank()) {
      builder.runtimeParams(RuntimeParams.parse(params));
    }
    return builder;
  }
}
