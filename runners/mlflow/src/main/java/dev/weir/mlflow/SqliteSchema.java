package dev.weir.mlflow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MLflow's SQL tracking schema on SQLite as MLflow <b>2.17.2</b> leaves it, alembic revision
 * <b>{@value #ALEMBIC_REVISION}</b> ("increase run tag value limit to 8000", created 2024-09-18),
 * the head of that release: MLflow 2.17.2 stamps a database it upgrades with it (older MLflow then
 * reports "Can't locate revision identified by 'f5a4f2784254'"), and its only child, {@code
 * 0584bdc529eb} (created 2024-11-11), came after 2.17.2.
 *
 * <p>Learnt from MLflow's repository: {@code mlflow/store/db_migrations/versions/*.py} from {@code
 * 451aebb31d03} up to {@code f5a4f2784254} (the chain {@code mlflow db upgrade} runs), {@code
 * mlflow/store/tracking/dbmodels/models.py} and {@code mlflow/store/model_registry/dbmodels/
 * models.py}, and the SQLite dump MLflow keeps in {@code tests/db/schemas/sqlite.sql}, with the
 * changes of later revisions taken out ({@code 0584bdc529eb} named the datasets foreign key and
 * added its cascade; {@code 6953534de441} added {@code inputs.step}; {@code bda7b8c39065} widened
 * {@code model_version_tags.value}; {@code cbc13b556ace} added the V3 trace columns).
 *
 * <p>Every table of the revision is created, the model registry and trace tables included, so that
 * a newer MLflow's {@code mlflow db upgrade sqlite:///mlflow.db} finds what its migrations expect.
 * Constraint names are MLflow's, since later migrations drop and re-create constraints by name.
 *
 * <p>Compatibility: MLflow 2.17.2 and later read the file; a newer MLflow asks for {@code mlflow db
 * upgrade} first (once per file; Weir keeps writing to an upgraded file, since it inserts only the
 * columns listed here and newer columns have defaults or allow NULL). MLflow before 2.17 cannot
 * open it ("Can't locate revision identified by 'f5a4f2784254'").
 */
final class SqliteSchema {
  /** The MLflow release whose schema this is. */
  static final String MLFLOW_RELEASE = "2.17.2";

  /** The alembic head revision of {@link #MLFLOW_RELEASE}, written to {@code alembic_version}. */
  static final String ALEMBIC_REVISION = "f5a4f2784254";

  /** MLflow's default experiment, made by MLflow's {@code SqlAlchemyStore} on first open. */
  static final int DEFAULT_EXPERIMENT_ID = 0;

  static final String DEFAULT_EXPERIMENT_NAME = "Default";

  /** The tables in creation order (referenced tables first). */
  static final List<String> TABLES =
      List.of(
          "alembic_version",
          "experiments",
          "experiment_tags",
          "runs",
          "tags",
          "params",
          "metrics",
          "latest_metrics",
          "registered_models",
          "registered_model_tags",
          "model_versions",
          "model_version_tags",
          "registered_model_aliases",
          "datasets",
          "inputs",
          "input_tags",
          "trace_info",
          "trace_tags",
          "trace_request_metadata");

  /** {@code CREATE TABLE} and {@code CREATE INDEX} statements, in order. */
  static final List<String> DDL =
      List.of(
          """
          CREATE TABLE alembic_version (
          \tversion_num VARCHAR(32) NOT NULL,
          \tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
          )""",
          """
          CREATE TABLE experiments (
          \texperiment_id INTEGER NOT NULL,
          \tname VARCHAR(256) NOT NULL,
          \tartifact_location VARCHAR(256),
          \tlifecycle_stage VARCHAR(32),
          \tcreation_time BIGINT,
          \tlast_update_time BIGINT,
          \tCONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
          \tUNIQUE (name),
          \tCONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
          )""",
          """
          CREATE TABLE experiment_tags (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(5000),
          \texperiment_id INTEGER NOT NULL,
          \tCONSTRAINT experiment_tag_pk PRIMARY KEY (key, experiment_id),
          \tFOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)
          )""",
          """
          CREATE TABLE runs (
          \trun_uuid VARCHAR(32) NOT NULL,
          \tname VARCHAR(250),
          \tsource_type VARCHAR(20),
          \tsource_name VARCHAR(500),
          \tentry_point_name VARCHAR(50),
          \tuser_id VARCHAR(256),
          \tstatus VARCHAR(9),
          \tstart_time BIGINT,
          \tend_time BIGINT,
          \tsource_version VARCHAR(50),
          \tlifecycle_stage VARCHAR(20),
          \tartifact_uri VARCHAR(200),
          \texperiment_id INTEGER,
          \tdeleted_time BIGINT,
          \tCONSTRAINT run_pk PRIMARY KEY (run_uuid),
          \tFOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
          \tCONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
          \tCONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', \
          'PROJECT')),
          \tCHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED'))
          )""",
          """
          CREATE TABLE tags (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(8000),
          \trun_uuid VARCHAR(32) NOT NULL,
          \tCONSTRAINT tag_pk PRIMARY KEY (key, run_uuid),
          \tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
          )""",
          """
          CREATE TABLE params (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(8000) NOT NULL,
          \trun_uuid VARCHAR(32) NOT NULL,
          \tCONSTRAINT param_pk PRIMARY KEY (key, run_uuid),
          \tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
          )""",
          """
          CREATE TABLE metrics (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue FLOAT NOT NULL,
          \ttimestamp BIGINT NOT NULL,
          \trun_uuid VARCHAR(32) NOT NULL,
          \tstep BIGINT DEFAULT '0' NOT NULL,
          \tis_nan BOOLEAN DEFAULT '0' NOT NULL,
          \tCONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),
          \tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid),
          \tCHECK (is_nan IN (0, 1))
          )""",
          """
          CREATE TABLE latest_metrics (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue FLOAT NOT NULL,
          \ttimestamp BIGINT,
          \tstep BIGINT NOT NULL,
          \tis_nan BOOLEAN NOT NULL,
          \trun_uuid VARCHAR(32) NOT NULL,
          \tCONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid),
          \tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid),
          \tCHECK (is_nan IN (0, 1))
          )""",
          """
          CREATE TABLE registered_models (
          \tname VARCHAR(256) NOT NULL,
          \tcreation_time BIGINT,
          \tlast_updated_time BIGINT,
          \tdescription VARCHAR(5000),
          \tCONSTRAINT registered_model_pk PRIMARY KEY (name),
          \tUNIQUE (name)
          )""",
          """
          CREATE TABLE registered_model_tags (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(5000),
          \tname VARCHAR(256) NOT NULL,
          \tCONSTRAINT registered_model_tag_pk PRIMARY KEY (key, name),
          \tFOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE CASCADE
          )""",
          """
          CREATE TABLE model_versions (
          \tname VARCHAR(256) NOT NULL,
          \tversion INTEGER NOT NULL,
          \tcreation_time BIGINT,
          \tlast_updated_time BIGINT,
          \tdescription VARCHAR(5000),
          \tuser_id VARCHAR(256),
          \tcurrent_stage VARCHAR(20),
          \tsource VARCHAR(500),
          \trun_id VARCHAR(32),
          \tstatus VARCHAR(20),
          \tstatus_message VARCHAR(500),
          \trun_link VARCHAR(500),
          \tstorage_location VARCHAR(500),
          \tCONSTRAINT model_version_pk PRIMARY KEY (name, version),
          \tFOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE CASCADE
          )""",
          """
          CREATE TABLE model_version_tags (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(5000),
          \tname VARCHAR(256) NOT NULL,
          \tversion INTEGER NOT NULL,
          \tCONSTRAINT model_version_tag_pk PRIMARY KEY (key, name, version),
          \tFOREIGN KEY(name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE
          )""",
          """
          CREATE TABLE registered_model_aliases (
          \talias VARCHAR(256) NOT NULL,
          \tversion INTEGER NOT NULL,
          \tname VARCHAR(256) NOT NULL,
          \tCONSTRAINT registered_model_alias_pk PRIMARY KEY (name, alias),
          \tCONSTRAINT registered_model_alias_name_fkey FOREIGN KEY(name) REFERENCES \
          registered_models (name) ON DELETE CASCADE ON UPDATE CASCADE
          )""",
          """
          CREATE TABLE datasets (
          \tdataset_uuid VARCHAR(36) NOT NULL,
          \texperiment_id INTEGER NOT NULL,
          \tname VARCHAR(500) NOT NULL,
          \tdigest VARCHAR(36) NOT NULL,
          \tdataset_source_type VARCHAR(36) NOT NULL,
          \tdataset_source TEXT NOT NULL,
          \tdataset_schema TEXT,
          \tdataset_profile TEXT,
          \tCONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest),
          \tFOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)
          )""",
          """
          CREATE TABLE inputs (
          \tinput_uuid VARCHAR(36) NOT NULL,
          \tsource_type VARCHAR(36) NOT NULL,
          \tsource_id VARCHAR(36) NOT NULL,
          \tdestination_type VARCHAR(36) NOT NULL,
          \tdestination_id VARCHAR(36) NOT NULL,
          \tCONSTRAINT inputs_pk PRIMARY KEY (source_type, source_id, destination_type, \
          destination_id)
          )""",
          """
          CREATE TABLE input_tags (
          \tinput_uuid VARCHAR(36) NOT NULL,
          \tname VARCHAR(255) NOT NULL,
          \tvalue VARCHAR(500) NOT NULL,
          \tCONSTRAINT input_tags_pk PRIMARY KEY (input_uuid, name)
          )""",
          """
          CREATE TABLE trace_info (
          \trequest_id VARCHAR(50) NOT NULL,
          \texperiment_id INTEGER NOT NULL,
          \ttimestamp_ms BIGINT NOT NULL,
          \texecution_time_ms BIGINT,
          \tstatus VARCHAR(50) NOT NULL,
          \tCONSTRAINT trace_info_pk PRIMARY KEY (request_id),
          \tCONSTRAINT fk_trace_info_experiment_id FOREIGN KEY(experiment_id) REFERENCES \
          experiments (experiment_id)
          )""",
          """
          CREATE TABLE trace_tags (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(8000) NOT NULL,
          \trequest_id VARCHAR(50) NOT NULL,
          \tCONSTRAINT trace_tag_pk PRIMARY KEY (key, request_id),
          \tCONSTRAINT fk_trace_tags_request_id FOREIGN KEY(request_id) REFERENCES trace_info \
          (request_id) ON DELETE CASCADE
          )""",
          """
          CREATE TABLE trace_request_metadata (
          \tkey VARCHAR(250) NOT NULL,
          \tvalue VARCHAR(8000) NOT NULL,
          \trequest_id VARCHAR(50) NOT NULL,
          \tCONSTRAINT trace_request_metadata_pk PRIMARY KEY (key, request_id),
          \tCONSTRAINT fk_trace_request_metadata_request_id FOREIGN KEY(request_id) REFERENCES \
          trace_info (request_id) ON DELETE CASCADE
          )""",
          // bd07f7e963c5: indexes on the run_uuid foreign keys.
          "CREATE INDEX index_params_run_uuid ON params (run_uuid)",
          "CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid)",
          "CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid)",
          "CREATE INDEX index_tags_run_uuid ON tags (run_uuid)",
          // 7f2a7d5fae7d: dataset and input indexes.
          "CREATE INDEX index_datasets_dataset_uuid ON datasets (dataset_uuid)",
          "CREATE INDEX index_datasets_experiment_id_dataset_source_type ON datasets"
              + " (experiment_id, dataset_source_type)",
          "CREATE INDEX index_inputs_input_uuid ON inputs (input_uuid)",
          "CREATE INDEX index_inputs_destination_type_destination_id_source_type ON inputs"
              + " (destination_type, destination_id, source_type)",
          // 867495a8f9d4: trace indexes.
          "CREATE INDEX ix_trace_info_experiment_id_timestamp_ms ON trace_info"
              + " (experiment_id, timestamp_ms)",
          "CREATE INDEX ix_trace_tag_request_id ON trace_tags (request_id)",
          "CREATE INDEX ix_trace_request_metadata_request_id ON trace_request_metadata"
              + " (request_id)");

  private SqliteSchema() {}

  /**
   * Creates the schema in an empty database and stamps {@link #ALEMBIC_REVISION}; leaves a database
   * that already has MLflow's tables alone (whatever its revision).
   *
   * @param c a connection in a transaction the caller commits
   * @return whether the schema was created
   * @throws SQLException when the database cannot be read or written
   * @throws IllegalStateException when the file holds other tables but not MLflow's
   */
  static boolean createIfMissing(Connection c) throws SQLException {
    if (revision(c) != null) {
      return false;
    }
    if (hasTable(c, "runs") || hasTable(c, "experiments")) {
      throw new IllegalStateException(
          "the database has MLflow tables but no alembic_version row, so its MLflow schema"
              + " revision is unknown; Weir will not write to it");
    }
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.executeUpdate(ddl);
      }
      s.executeUpdate(
          "INSERT INTO alembic_version (version_num) VALUES ('" + ALEMBIC_REVISION + "')");
    }
    return true;
  }

  /**
   * @param c a connection
   * @return the alembic revision the database is stamped with, or {@code null} when it has none
   * @throws SQLException when the database cannot be read
   */
  static @Nullable String revision(Connection c) throws SQLException {
    if (!hasTable(c, "alembic_version")) {
      return null;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static boolean hasTable(Connection c, String table) throws SQLException {
    try (var ps =
        c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
