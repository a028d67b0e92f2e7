/**
 * MLflow datasets: {@code mlflow.MlflowMetricDataset}, {@code mlflow.MlflowMetricsDataset} and
 * {@code mlflow.MlflowArtifactDataset}, after kedro-mlflow's datasets of the same names.
 *
 * <p>These datasets never talk to a tracking server themselves: they hand values and files to the
 * {@link dev.weir.datasets.mlflow.MlflowTracker} of the run in progress, found through {@link
 * dev.weir.datasets.mlflow.ActiveTracker}. The MLflow hook in {@code weir-runners} opens that
 * tracker before the first node runs and closes it after the last, so this module needs neither the
 * MLflow client nor the runners. Without a run in progress (a dataset used from a notebook or a
 * test), data still saves locally and one warning per dataset says it was not tracked.
 */
@NullMarked
package dev.weir.datasets.mlflow;

import org.jspecify.annotations.NullMarked;
