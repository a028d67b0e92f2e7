package dev.weir.sql;

import dev.weir.hooks.Hook;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.io.DataCatalog;
import dev.weir.pipeline.Pipeline;
import org.apache.spark.sql.SparkSession;

/**
 * Validates the pipeline's SQL nodes ({@link SqlNodes#validate}) in {@code beforePipelineRun}, so a
 * broken query, an undeclared table or a missing output column stops the run before its first node.
 * Registered in {@code META-INF/services/dev.weir.hooks.Hook}.
 *
 * <p>The Spark session (the catalog's {@code SparkSession} service) is asked for only when a SQL
 * node's column check needs Spark's analyser; a pipeline without SQL nodes costs nothing.
 */
public final class SqlValidationHook implements Hook {

  /**
   * @throws SqlNodeException listing every problem found; no node has run
   */
  @Override
  public void beforePipelineRun(PipelineRunEvent event) {
    Pipeline pipeline = event.pipeline();
    DataCatalog catalog = event.catalog();
    if (!SqlNodes.hasSqlNodes(pipeline)) {
      return;
    }
    SqlNodes.throwIfAny(
        SqlNodes.validate(
            pipeline,
            catalog,
            () -> catalog.context().findService(SparkSession.class).orElse(null)));
  }
}
