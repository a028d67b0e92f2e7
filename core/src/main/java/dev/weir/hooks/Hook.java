package dev.weir.hooks;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Callbacks around a run, as Kedro's hook specifications (kedro/framework/hooks/specs.py). Every
 * method takes one event record and has an empty default, so an implementation overrides only what
 * it needs, and a field added to an event later breaks no hook (Kedro gets the same from pluggy's
 * named arguments). Hooks are found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.weir.hooks.Hook}) or passed to the session; every runner fires them in the
 * same order:
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
 * implementation that keeps state must be thread-safe. An exception thrown by a hook fails the run
 * (the runner wraps it, naming the hook).
 */
public interface Hook {

  /**
   * @param event the run's catalog, datasets not yet created, and the run's parameters
   */
  default void afterCatalogCreated(CatalogCreatedEvent event) {}

  /**
   * @param event the filtered pipeline about to run
   */
  default void beforePipelineRun(PipelineRunEvent event) {}

  /**
   * @param event the pipeline that ran
   */
  default void afterPipelineRun(PipelineRunEvent event) {}

  /**
   * @param event the failure and the pipeline that was running
   */
  default void onPipelineError(PipelineErrorEvent event) {}

  /**
   * @param event the node about to run and its loaded inputs
   * @return inputs to replace, by dataset name, or {@code null} to keep them all (Kedro's {@code
   *     before_node_run} may return a dict of new inputs)
   */
  default @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
    return null;
  }

  /**
   * @param event the node that ran, its inputs and outputs
   */
  default void afterNodeRun(NodeCompletedEvent event) {}

  /**
   * @param event the failure and the node
   */
  default void onNodeError(NodeErrorEvent event) {}

  /**
   * @param event the dataset about to be loaded and the node that reads it
   */
  default void beforeDatasetLoaded(DatasetLoadEvent event) {}

  /**
   * @param event the dataset, the data loaded and the node that reads it
   */
  default void afterDatasetLoaded(DatasetLoadedEvent event) {}

  /**
   * @param event the dataset, the data about to be saved and the node that wrote it
   */
  default void beforeDatasetSaved(DatasetSaveEvent event) {}

  /**
   * @param event the dataset, the data saved and the node that wrote it
   */
  default void afterDatasetSaved(DatasetSavedEvent event) {}

  /**
   * Called when a dataset's catalog {@code expectations:} were checked (on save, or on load with
   * {@code check_on: load}), before the data is written or returned, and also when a {@code fail}
   * expectation then stops the save.
   *
   * @param event the dataset and one result per expectation
   */
  default void afterExpectationsChecked(ExpectationsCheckedEvent event) {}
}
