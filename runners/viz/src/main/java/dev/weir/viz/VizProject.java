package dev.weir.viz;

import dev.weir.config.ConfigLoader;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.session.RunOptions;
import dev.weir.session.Session;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The map of a project: the named registered pipelines combined (as {@code weir run --pipelines}
 * combines them), the environment's catalog and parameters, and the last recorded run. Reads
 * configuration only; starts no Spark session and fires no hook.
 */
public final class VizProject {
  private VizProject() {}

  /**
   * The map with the last run recorded in {@code <project>/.weir/last-run.json}, if any.
   *
   * @param session the project's session (project path, environment, runtime params)
   * @param pipelineNames registered pipeline names; empty means {@code __default__}
   * @return the graph
   * @throws dev.weir.pipeline.PipelineException for an unknown pipeline name (closest names given)
   * @throws dev.weir.config.ConfigException for a bad catalog entry or missing credentials block
   */
  public static VizGraph graph(Session session, List<String> pipelineNames) {
    return graph(session, pipelineNames, LastRunStore.read(session.projectPath()).orElse(null));
  }

  /**
   * The map with the given last run instead of the recorded one: {@code null} draws the map as if
   * the project had never run, so the page does not depend on this checkout's run history (docs
   * pictures, tests).
   *
   * @param session the project's session (project path, environment, runtime params)
   * @param pipelineNames registered pipeline names; empty means {@code __default__}
   * @param lastRun the run to overlay, or {@code null} for none
   * @return the graph
   * @throws dev.weir.pipeline.PipelineException for an unknown pipeline name (closest names given)
   * @throws dev.weir.config.ConfigException for a bad catalog entry or missing credentials block
   */
  public static VizGraph graph(
      Session session, List<String> pipelineNames, @Nullable LastRun lastRun) {
    List<String> names =
        pipelineNames.isEmpty() ? List.of(PipelineRegistry.DEFAULT) : pipelineNames;
    ConfigLoader config = session.config();
    return VizGraphBuilder.of(
            session.pipeline(RunOptions.defaults().withPipelines(names.toArray(String[]::new))),
            session.catalog(null, Map.of()))
        .pipelineNames(names)
        .parameters(config.parameters())
        .env(config.env())
        .lastRun(lastRun)
        .build();
  }
}
