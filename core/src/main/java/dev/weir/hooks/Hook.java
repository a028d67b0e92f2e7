package dev.weir.hooks;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Callbacks around a run, as Kedro's hook specifications (kedro/framework/hooks/specs.py). Every
 * method has an empty default, so an implementation overrides only what it needs. Hooks are found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.weir.hooks.Hook}) or passed to
 * the session; every runner fires them in the same order:
 *
 * <ol>
 *   <li>{@link #afterCatalogCreated}
 *   <li>{@link #beforePipelineRun}
 *   <li>per node: {@link #beforeDatasetLoaded} / {@link #afterDatasetLoaded} for each input, {@link
 *       #beforeNodeRun}, then {@link #afterNodeRun} or {@link #onNodeError}, then {@link
 *       #beforeDatasetSaved} / {@link #afterDatasetSaved} for each output
 *   <li>{@link #afterPipelineRun} or {@link #onPipelineError}
 * </ol>
 *
 * <p>Under the parallel runner, node and dataset hooks are called from worker threads: an
 * implementation that keeps state must be thread-safe.
 */
public interface Hook {

  /**
   * @param catalog the run's catalog, datasets not yet created
   * @param run what the run was asked to do
   */
  default void afterCatalogCreated(DataCatalog catalog, RunParams run) {}

  /**
   * @param run what the run was asked to do
   * @param pipeline the filtered pipeline about to run
   * @param catalog the run's catalog
   */
  default void beforePipelineRun(RunParams run, Pipeline pipeline, DataCatalog catalog) {}

  /**
   * @param run what the run was asked to do
   * @param pipeline the pipeline that ran
   * @param catalog the run's catalog
   */
  default void afterPipelineRun(RunParams run, Pipeline pipeline, DataCatalog catalog) {}

  /**
   * @param error the failure
   * @param run what the run was asked to do
   * @param pipeline the pipeline that was running
   * @param catalog the run's catalog
   */
  default void onPipelineError(
      Throwable error, RunParams run, Pipeline pipeline, DataCatalog catalog) {}

  /**
   * @param node the node about to run
   * @param catalog the run's catalog
   * @param inputs loaded inputs by dataset name
   * @param isAsync whether nodes run concurrently (parallel runner)
   * @param runId the run id
   * @return inputs to replace, by dataset name, or {@code null} to keep them all
   */
  default @Nullable Map<String, Object> beforeNodeRun(
      Node node, DataCatalog catalog, Map<String, Object> inputs, boolean isAsync, String runId) {
    return null;
  }

  /**
   * @param node the node that ran
   * @param catalog the run's catalog
   * @param inputs its inputs by dataset name
   * @param outputs its outputs by dataset name
   * @param isAsync whether nodes run concurrently
   * @param runId the run id
   */
  default void afterNodeRun(
      Node node,
      DataCatalog catalog,
      Map<String, Object> inputs,
      Map<String, Object> outputs,
      boolean isAsync,
      String runId) {}

  /**
   * @param error what the node threw
   * @param node the node that failed
   * @param catalog the run's catalog
   * @param inputs its inputs by dataset name
   * @param isAsync whether nodes run concurrently
   * @param runId the run id
   */
  default void onNodeError(
      Throwable error,
      Node node,
      DataCatalog catalog,
      Map<String, Object> inputs,
      boolean isAsync,
      String runId) {}

  /**
   * @param datasetName the dataset about to be loaded
   * @param node the node that reads it
   */
  default void beforeDatasetLoaded(String datasetName, Node node) {}

  /**
   * @param datasetName the dataset that was loaded
   * @param data the loaded data
   * @param node the node that reads it
   */
  default void afterDatasetLoaded(String datasetName, Object data, Node node) {}

  /**
   * @param datasetName the dataset about to be saved
   * @param data the data to save
   * @param node the node that wrote it
   */
  default void beforeDatasetSaved(String datasetName, Object data, Node node) {}

  /**
   * @param datasetName the dataset that was saved
   * @param data the saved data
   * @param node the node that wrote it
   */
  default void afterDatasetSaved(String datasetName, Object data, Node node) {}
}
