/**
 * MLflow tracking of Weir runs: one MLflow run per Weir run, with tags, the parameters the nodes
 * use, node durations, metrics and artifacts from the {@code mlflow.*} datasets, and the run's end
 * status (FINISHED, FAILED, KILLED).
 *
 * <p>{@link dev.weir.mlflow.MlflowHook} is found through {@link java.util.ServiceLoader}, reads
 * {@code conf/<env>/mlflow*.yml} (see {@link dev.weir.mlflow.MlflowSettings}) and records to a
 * tracking server through the MLflow Java client, to Databricks, or, when no tracking URI is set,
 * to {@code <project>/mlruns} in MLflow's file-store layout (see {@link
 * dev.weir.mlflow.LocalFileStore}). A tracking server that fails or does not answer within {@code
 * timeout_seconds} never fails the pipeline: the run's records go to the local store and one
 * warning says what the server did not receive.
 *
 * <p>To look at the local store: {@code mlflow ui --backend-store-uri ./mlruns} (MLflow 3.13 and
 * later also need {@code MLFLOW_ALLOW_FILE_STORE=true}), or {@code mlflow migrate-filestore} to
 * import it into SQLite.
 */
@NullMarked
package dev.weir.mlflow;

import org.jspecify.annotations.NullMarked;
