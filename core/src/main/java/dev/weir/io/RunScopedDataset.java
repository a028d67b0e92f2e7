package dev.weir.io;

/**
 * A dataset ability: its data belongs to one tracking run (an MLflow metric), so {@link
 * Dataset#exists()} speaks only of the run in progress and cannot say whether an earlier run wrote
 * it. {@code --only-missing-outputs} therefore never runs a node again only because such an output
 * "does not exist" (Kedro's {@code _filter_pipeline_for_missing_outputs} would, since
 * kedro-mlflow's metric datasets answer for the active run only).
 */
public interface RunScopedDataset {}
