package dev.weir.mlflow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code mlflow.db} with plain JDBC, with the queries MLflow's {@code SqlAlchemyStore}
 * issues to show a run (mlflow/store/tracking/sqlalchemy_store.py {@code get_run}: the run row,
 * then its {@code latest_metrics}, {@code params} and {@code tags} by {@code run_uuid}; {@code
 * get_experiment_by_name}; {@code get_metric_history}).
 */
final class MlflowDb implements AutoCloseable {
  private final Connection c;

  /** A run as MLflow's UI shows it. */
  record Run(
      String runId,
      String experimentId,
      String name,
      String status,
      String sourceType,
      String userId,
      long startTime,
      Long endTime,
      String lifecycleStage,
      String artifactUri,
      Map<String, Double> latestMetrics,
      Map<String, String> params,
      Map<String, String> tags) {}

  MlflowDb(Path file) throws SQLException {
    c = DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  Connection connection() {
    return c;
  }

  List<String> runIds() throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT run_uuid FROM runs ORDER BY start_time, run_uuid");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  Run onlyRun() throws SQLException {
    List<String> ids = runIds();
    if (ids.size() != 1) {
      throw new AssertionError("expected one run in the store, found " + ids);
    }
    return run(ids.get(0));
  }

  Run run(String runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT runs.run_uuid, runs.experiment_id, runs.name, runs.status, runs.source_type,"
                + " runs.user_id, runs.start_time, runs.end_time, runs.lifecycle_stage,"
                + " runs.artifact_uri FROM runs WHERE runs.run_uuid = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no run " + runId);
        }
        long end = rs.getLong(8);
        Long endTime = rs.wasNull() ? null : end;
        return new Run(
            rs.getString(1),
            String.valueOf(rs.getLong(2)),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getLong(7),
            endTime,
            rs.getString(9),
            rs.getString(10),
            latestMetrics(runId),
            keyValues(
                "SELECT params.key, params.value FROM params WHERE params.run_uuid = ?", runId),
            keyValues("SELECT tags.key, tags.value FROM tags WHERE tags.run_uuid = ?", runId));
      }
    }
  }

  /**
   * {@code latest_metrics} as MLflow's {@code SqlLatestMetric.to_mlflow_entity}: NaN from is_nan.
   */
  Map<String, Double> latestMetrics(String runId) throws SQLException {
    Map<String, Double> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT latest_metrics.key, latest_metrics.value, latest_metrics.is_nan"
                + " FROM latest_metrics WHERE latest_metrics.run_uuid = ? ORDER BY key")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getBoolean(3) ? Double.NaN : rs.getDouble(2));
        }
      }
    }
    return out;
  }

  /** Rows of {@code metrics} for one key: "timestamp value step is_nan", in insertion order. */
  List<String> metricHistory(String runId, String key) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT timestamp, value, step, is_nan FROM metrics WHERE run_uuid = ? AND key = ?"
                + " ORDER BY rowid")) {
      ps.setString(1, runId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1) + " " + rs.getDouble(2) + " " + rs.getLong(3) + " " + rs.getInt(4));
        }
      }
    }
    return out;
  }

  /** {@code experiment_id -> name} of every experiment, with its lifecycle stage. */
  Map<String, String> experiments() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT experiment_id, name, lifecycle_stage FROM experiments ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(String.valueOf(rs.getLong(1)), rs.getString(2) + " (" + rs.getString(3) + ")");
      }
    }
    return out;
  }

  String scalar(String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private Map<String, String> keyValues(String sql, String runId) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
