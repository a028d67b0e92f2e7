package dev.weir.session;

import dev.weir.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The checks of the run options themselves ({@code --runner}, {@code --max-workers}), made before
 * any configuration is read or node runs, whatever the runner and with or without {@code
 * --dry-run}. Each check is small and named and gives one paragraph: what is wrong, where (the
 * option), how to fix it.
 */
final class RunOptionChecks {
  private static final List<String> RUNNERS = List.of("sequential", "parallel", "thread");

  private RunOptionChecks() {}

  private record Check(String name, Function<RunOptions, @Nullable String> body) {}

  private static final List<Check> CHECKS =
      List.of(
          new Check("runner", RunOptionChecks::runner),
          new Check("max workers", RunOptionChecks::maxWorkers));

  /**
   * @param options the run options
   * @throws ConfigException naming every option that is wrong
   */
  static void validate(RunOptions options) {
    List<String> problems = new ArrayList<>();
    for (Check check : CHECKS) {
      String problem = check.body().apply(options);
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join(" ", problems));
    }
  }

  private static @Nullable String runner(RunOptions options) {
    if (RUNNERS.contains(options.runner().toLowerCase(Locale.ROOT))) {
      return null;
    }
    return "Unknown runner '"
        + options.runner()
        + "' (weir run --runner): use --runner sequential or --runner parallel.";
  }

  private static @Nullable String maxWorkers(RunOptions options) {
    Integer workers = options.maxWorkers();
    if (workers == null || workers >= 1) {
      return null;
    }
    return "--max-workers must be a positive number of threads, got "
        + workers
        + " (weir run --max-workers, runner "
        + options.runner()
        + "). Pass 1 or more, or leave --max-workers out for min(processors, nodes).";
  }
}
