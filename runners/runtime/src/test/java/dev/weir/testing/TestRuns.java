package dev.weir.testing;

import dev.weir.hooks.RunParams;
import java.nio.file.Path;

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
    return RunParams.builder(runId, projectPath).build();
  }
}
