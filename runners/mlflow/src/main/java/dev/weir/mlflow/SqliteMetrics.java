package dev.weir.mlflow;

import dev.weir.mlflow.TrackingStore.Metric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes one metric value as MLflow's {@code SqlAlchemyStore} does
 * (mlflow/store/tracking/sqlalchemy_store.py, MLflow 2.17.2: {@code _get_metric_value_details},
 * {@code _log_metrics}, {@code _update_latest_metrics_if_necessary}): the stored value is 0 with
 * {@code is_nan} 1 for NaN and ±1.7976931348623157e308 for ±Infinity; a row identical to one
 * already logged is ignored; {@code latest_metrics} keeps, per key, the row with the greatest
 * (step, timestamp, stored value).
 */
final class SqliteMetrics {
  private SqliteMetrics() {}

  /**
   * @param c a connection in a transaction
   * @param runId the run
   * @param m the metric; timestamp in milliseconds since the epoch
   * @throws SQLException on a database error
   */
  static void insert(Connection c, String runId, Metric m) throws SQLException {
    boolean isNan = Double.isNaN(m.value());
    double value = stored(m.value());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR IGNORE INTO metrics (key, value, timestamp, run_uuid, step, is_nan)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, m.key());
      ps.setDouble(2, value);
      ps.setLong(3, m.timestamp());
      ps.setString(4, runId);
      ps.setLong(5, m.step());
      ps.setBoolean(6, isNan);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT step, timestamp, value FROM latest_metrics WHERE key = ? AND run_uuid = ?")) {
      ps.setString(1, m.key());
      ps.setString(2, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && !newer(m.step(), m.timestamp(), value, rs)) {
          return;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key, run_uuid) DO UPDATE SET"
                + " value = excluded.value, timestamp = excluded.timestamp,"
                + " step = excluded.step, is_nan = excluded.is_nan")) {
      ps.setString(1, m.key());
      ps.setDouble(2, value);
      ps.setLong(3, m.timestamp());
      ps.setLong(4, m.step());
      ps.setBoolean(5, isNan);
      ps.setString(6, runId);
      ps.executeUpdate();
    }
  }

  /**
   * @return the value MLflow's SQL store writes to the {@code value} column
   */
  static double stored(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? SqliteStore.MAX_FLOAT : -SqliteStore.MAX_FLOAT;
    }
    return v;
  }

  private static boolean newer(long step, long timestamp, double value, ResultSet latest)
      throws SQLException {
    long s = latest.getLong(1);
    if (step != s) {
      return step > s;
    }
    long t = latest.getLong(2);
    if (timestamp != t) {
      return timestamp > t;
    }
    return value > latest.getDouble(3);
  }
}
