package dev.weir.testing;

import dev.weir.hooks.RunParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Run parameters for tests that drive hooks by hand. */
public final class TestRuns {
  private TestRuns() {}

  /**
   * @param runId the run id
   * @param projectPath the project root
   * @return {@code weir run} with no options: {@code __default__}, env {@code local}, the
   *     sequential runner, no filters, runtime params or load versions
   */
  public static RunParams defaultRun(String runId, Path projectPath) {
    return new RunParams(
        runId,
        projectPath,
        "local",
        List.of("__default__"),
        "sequential",
        Map.of(),
        Map.of(),
        Map.of());
  }
}
