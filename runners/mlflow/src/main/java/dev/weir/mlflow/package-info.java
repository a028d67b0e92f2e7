/**
 * MLflow tracking of Weir runs: one MLflow run per Weir run, with tags, the parameters the nodes
 * use, node durations, metrics and artifacts from the {@code mlflow.*} datasets, and the run's end
 * status (FINISHED, FAILED, KILLED).
 *
 * <p>{@link dev.weir.mlflow.MlflowHook} is found through {@link java.util.ServiceLoader}, reads
 * {@code conf/<env>/mlflow*.yml} (see {@link dev.weir.mlflow.MlflowSettings}) and records to a
 * tracking server through the MLflow Java client, to Databricks, or, when no tracking URI is set,
 * to {@code <project>/mlflow.db}: a SQLite file in the database schema of MLflow 2.17.2 (alembic
 * revision {@code f5a4f2784254}), MLflow's own default store since 3.7, with artifacts under {@code
 * <project>/mlartifacts} ({@code SqliteStore}). {@code sqlite:///<file>} names another file; {@code
 * file:<folder>} keeps MLflow's legacy file store ({@code LocalFileStore}) for MLflow 2.x tools. A
 * tracking server that fails or does not answer within {@code timeout_seconds} never fails the
 * pipeline: the run's records go to the project's {@code mlflow.db} and one warning says what the
 * server did not receive; a server run that logging gave up on part-way is ended, not left RUNNING.
 *
 * <p>To look at the local store: {@code mlflow ui --backend-store-uri sqlite:///mlflow.db} (the run
 * summary prints the command). MLflow 2.17.2 opens the file as it is; a newer MLflow asks for
 * {@code mlflow db upgrade sqlite:///mlflow.db} once, after which Weir keeps writing to it; an
 * MLflow older than 2.17 cannot open it.
 */
@NullMarked
package dev.weir.mlflow;

import org.jspecify.annotations.NullMarked;
