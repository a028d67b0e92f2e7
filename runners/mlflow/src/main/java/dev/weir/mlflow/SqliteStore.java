package dev.weir.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.Service;

/**
 * MLflow's SQL tracking store in a SQLite file ({@code sqlite:///mlflow.db}, MLflow's own default
 * since 3.7), written through JDBC in the schema of MLflow {@value SqliteSchema#MLFLOW_RELEASE}
 * ({@link SqliteSchema}), as MLflow's {@code SqlAlchemyStore}
 * (mlflow/store/tracking/sqlalchemy_store.py) writes it:
 *
 * <ul>
 *   <li>a new file gets the tables, the {@code alembic_version} stamp and the {@code Default}
 *       experiment (id 0); experiments get the next integer id and the artifact location {@code
 *       <artifacts>/<experiment id>} as a {@code file://} URI;
 *   <li>runs: {@code run_uuid} is {@code uuid4().hex}, status and source type are stored as names
 *       ({@code RUNNING}, {@code FINISHED}, {@code FAILED}, {@code KILLED}; {@code LOCAL}), {@code
 *       lifecycle_stage} {@code active}, {@code artifact_uri} {@code <experiment artifact
 *       location>/<run id>/artifacts};
 *   <li>metrics go to {@code metrics} (a repeated identical value is ignored, as the primary key
 *       makes MLflow ignore it) and to {@code latest_metrics}, which keeps per key the value with
 *       the greatest (step, timestamp, value); NaN is stored as 0 with {@code is_nan} 1, ±Infinity
 *       as ±1.7976931348623157e308 ({@code _get_metric_value_details});
 *   <li>params are write-once (a different value for a logged key is refused), tags are replaced;
 *   <li>artifacts are copied into the folder the run's {@code artifact_uri} names;
 *   <li>before a run is created, runs a Weir process on this machine left RUNNING when it died
 *       (SIGKILL) are marked FAILED ({@link LostRuns}).
 * </ul>
 *
 * <p>Only the columns listed in {@link SqliteSchema} are written, so a file that a newer MLflow has
 * upgraded keeps working. Every write is one short transaction ({@link SqliteWrites}); another
 * writer's lock is waited for, within {@code lockWait}. Failures are {@link UncheckedIOException}
 * or {@link IllegalStateException}; {@link TrackedRun} turns them into one warning.
 */
final class SqliteStore implements TrackingStore {
  /** MLflow's largest finite double, which its SQL store writes for ±Infinity. */
  static final double MAX_FLOAT = 1.7976931348623157e308;

  private final SqliteWrites db;
  private final Path artifactRoot;
  private final List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param dbFile the SQLite file, usually {@code <project>/mlflow.db}; created on first write
   * @param artifactRoot where run artifacts go, usually {@code <project>/mlartifacts}
   * @param lockWait the longest one write waits for another writer's lock
   */
  SqliteStore(Path dbFile, Path artifactRoot, Duration lockWait) {
    this.db = new SqliteWrites(dbFile, lockWait);
    this.artifactRoot = artifactRoot.toAbsolutePath().normalize();
  }

  /**
   * @return the runs this store marked FAILED because their Weir process died without ending them
   *     ({@link LostRuns}), since it was made
   */
  List<String> lostRuns() {
    return List.copyOf(lost);
  }

  /**
   * @return the database file
   */
  Path file() {
    return db.file();
  }

  /**
   * @return the tracking URI of the file as MLflow writes it: {@code sqlite:///} and the absolute
   *     path ({@code sqlite:////home/me/project/mlflow.db})
   */
  String trackingUri() {
    return "sqlite:///" + db.file().toString().replace('\\', '/');
  }

  @Override
  public RunRef createRun(String experiment, String runName, String userId, long startTimeMillis) {
    return write(
        "create a run",
        c -> {
          SqliteSchema.createIfMissing(c);
          ensureDefaultExperiment(c);
          lost.addAll(LostRuns.markFailed(c, System.currentTimeMillis()));
          Experiment exp = findExperiment(c, experiment);
          if (exp != null && !"active".equals(exp.lifecycleStage())) {
            throw new DeletedExperimentException(experiment, exp.id(), describe());
          }
          String experimentId = exp != null ? exp.id() : createExperiment(c, experiment);
          String location = experimentArtifactLocation(c, experimentId);
          String runId = UUID.randomUUID().toString().replace("-", "");
          String artifactUri = location.replaceAll("/+$", "") + "/" + runId + "/artifacts";
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name,"
                      + " user_id, status, start_time, end_time, source_version,"
                      + " lifecycle_stage, artifact_uri, experiment_id, deleted_time)"
                      + " VALUES (?, ?, 'LOCAL', '', '', ?, 'RUNNING', ?, NULL, '', 'active',"
                      + " ?, ?, NULL)")) {
            ps.setString(1, runId);
            ps.setString(2, runName);
            ps.setString(3, userId);
            ps.setLong(4, startTimeMillis);
            ps.setString(5, artifactUri);
            ps.setLong(6, Long.parseLong(experimentId));
            ps.executeUpdate();
          }
          putTag(c, runId, "mlflow.runName", runName);
          return new RunRef(experimentId, runId, artifactUri);
        });
  }

  @Override
  public void logBatch(
      RunRef run, List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {
    write(
        "log a batch",
        c -> {
          for (KeyValue p : params) {
            putParam(c, run.runId(), p);
          }
          for (KeyValue t : tags) {
            putTag(c, run.runId(), t.key(), t.value());
          }
          for (Metric m : metrics) {
            SqliteMetrics.insert(c, run.runId(), m);
          }
          return Boolean.TRUE; // Work must return a value; nothing reads it
        });
  }

  @Override
  public void logArtifact(RunRef run, Path file, @Nullable String artifactPath) {
    LocalArtifacts.copy(artifactDir(run), file, artifactPath);
  }

  @Override
  public void endRun(RunRef run, Service.RunStatus status, long endTimeMillis) {
    write(
        "end the run",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE runs SET status = ?, end_time = ? WHERE run_uuid = ?")) {
            ps.setString(1, status.name());
            ps.setLong(2, endTimeMillis);
            ps.setString(3, run.runId());
            ps.executeUpdate();
          }
          return Boolean.TRUE; // Work must return a value; nothing reads it
        });
  }

  /**
   * @return {@code <tracking URI>, experiment <id>, run <id>}
   */
  @Override
  public String runLocation(RunRef run) {
    return trackingUri() + ", experiment " + run.experimentId() + ", run " + run.runId();
  }

  @Override
  public String describe() {
    return trackingUri();
  }

  /**
   * @return {@code mlflow ui --backend-store-uri sqlite:///<absolute path>}, the URI in single
   *     quotes when the path holds characters a POSIX shell would split or expand
   */
  @Override
  public String viewCommand() {
    String uri = trackingUri();
    return "mlflow ui --backend-store-uri "
        + (uri.matches("[A-Za-z0-9_./:@%+=,-]+") ? uri : "'" + uri.replace("'", "'\\''") + "'");
  }

  Path artifactDir(RunRef run) {
    if (run.artifactUri().startsWith("file:")) {
      try {
        return Path.of(new URI(run.artifactUri()));
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        // fall through to the store's own layout
      }
    }
    return artifactRoot.resolve(run.experimentId()).resolve(run.runId()).resolve("artifacts");
  }

  private <T> T write(String what, SqliteWrites.Work<T> work) {
    try {
      return db.inTransaction(work);
    } catch (SQLException e) {
      String reason =
          SqliteWrites.isBusy(e) ? "the database stayed locked by another writer" : e.getMessage();
      throw new UncheckedIOException(
          "Cannot " + what + " in the MLflow store " + trackingUri() + ": " + reason,
          new IOException(e));
    }
  }

  private record Experiment(String id, String lifecycleStage) {}

  private static @Nullable Experiment findExperiment(Connection c, String name)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT experiment_id, lifecycle_stage FROM experiments WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Experiment(String.valueOf(rs.getLong(1)), rs.getString(2)) : null;
      }
    }
  }

  private void ensureDefaultExperiment(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM experiments WHERE experiment_id = ?")) {
      ps.setInt(1, SqliteSchema.DEFAULT_EXPERIMENT_ID);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    insertExperiment(
        c, (long) SqliteSchema.DEFAULT_EXPERIMENT_ID, SqliteSchema.DEFAULT_EXPERIMENT_NAME);
  }

  private String createExperiment(Connection c, String name) throws SQLException {
    return String.valueOf(insertExperiment(c, null, name));
  }

  /** Inserts an experiment (the next integer id when {@code id} is null) and sets its location. */
  private long insertExperiment(Connection c, @Nullable Long id, String name) throws SQLException {
    long now = System.currentTimeMillis();
    long newId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage,"
                + " creation_time, last_update_time) VALUES (?, ?, NULL, 'active', ?, ?)",
            java.sql.Statement.RETURN_GENERATED_KEYS)) {
      if (id == null) {
        ps.setNull(1, java.sql.Types.INTEGER);
      } else {
        ps.setLong(1, id);
      }
      ps.setString(2, name);
      ps.setLong(3, now);
      ps.setLong(4, now);
      ps.executeUpdate();
      if (id != null) {
        newId = id;
      } else {
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          newId = keys.getLong(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?")) {
      ps.setString(1, LocalFileStore.fileUri(artifactRoot.resolve(String.valueOf(newId))));
      ps.setLong(2, newId);
      ps.executeUpdate();
    }
    return newId;
  }

  private String experimentArtifactLocation(Connection c, String experimentId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT artifact_location FROM experiments WHERE experiment_id = ?")) {
      ps.setLong(1, Long.parseLong(experimentId));
      try (ResultSet rs = ps.executeQuery()) {
        String location = rs.next() ? rs.getString(1) : null;
        return location == null || location.isEmpty()
            ? LocalFileStore.fileUri(artifactRoot.resolve(experimentId))
            : location;
      }
    }
  }

  private static void putParam(Connection c, String runId, KeyValue p) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT value FROM params WHERE key = ? AND run_uuid = ?")) {
      ps.setString(1, p.key());
      ps.setString(2, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          if (!p.value().equals(rs.getString(1))) {
            throw new IllegalStateException(
                "MLflow param '"
                    + p.key()
                    + "' was already logged with another value in run "
                    + runId
                    + "; MLflow params are write-once.");
          }
          return;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)")) {
      ps.setString(1, p.key());
      ps.setString(2, p.value());
      ps.setString(3, runId);
      ps.executeUpdate();
    }
  }

  static void putTag(Connection c, String runId, String key, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)"
                + " ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.setString(3, runId);
      ps.executeUpdate();
    }
  }
}
