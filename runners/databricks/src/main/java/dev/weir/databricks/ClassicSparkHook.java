package dev.weir.databricks;

import dev.weir.datasets.spark.SparkSessions;
import dev.weir.hooks.Hook;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.io.DataCatalog;
import dev.weir.pipeline.Pipeline;
import org.apache.spark.sql.SparkSession;

/**
 * Applies {@link ClassicSparkCheck} in {@code beforePipelineRun}, so a run over Spark Connect that
 * contains a node tagged {@value ClassicSparkCheck#TAG} stops before any node runs. Registered in
 * {@code META-INF/services/dev.weir.hooks.Hook} ahead of the other hooks, so no MLflow run is
 * started for a refused run.
 *
 * <p>The Spark session is looked at only when the pipeline has such a node (it would be resolved
 * for that node anyway); Spark classes are loaded only then.
 */
public final class ClassicSparkHook implements Hook {
  /** Creates the hook; {@link java.util.ServiceLoader} calls this. */
  public ClassicSparkHook() {}

  @Override
  public void beforePipelineRun(PipelineRunEvent event) {
    Pipeline pipeline = event.pipeline();
    DataCatalog catalog = event.catalog();
    if (ClassicSparkCheck.requirements(pipeline).isEmpty()) {
      return;
    }
    ClassicSparkCheck.check(pipeline, SparkKind.overConnect(catalog));
  }

  /** Holds the Spark references, so the hook class itself loads without Spark. */
  private static final class SparkKind {
    static boolean overConnect(DataCatalog catalog) {
      return catalog
          .context()
          .findService(SparkSession.class)
          .map(session -> !SparkSessions.isClassic(session))
          .orElse(false);
    }
  }
}
