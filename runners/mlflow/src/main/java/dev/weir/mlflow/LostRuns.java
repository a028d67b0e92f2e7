package dev.weir.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends the runs of a SQLite store that a Weir process on this machine started and left RUNNING
 * because it died without a shutdown hook (SIGKILL, a crash): they become FAILED (MLflow has no
 * "lost" status; {@code RunStatus} in mlflow/protos/service.proto), with the end time of the
 * cleanup and the tag {@code weir.mlflow.lost} saying why. Runs of other machines, of processes
 * that still run, and runs without Weir's process tags ({@link WeirProcess}) are left alone.
 */
final class LostRuns {
  static final String LOST_TAG = "weir.mlflow.lost";

  private LostRuns() {}

  /**
   * @param c a connection in a transaction the caller commits
   * @param now the end time to record, milliseconds since the epoch
   * @return the ids of the runs marked FAILED
   * @throws SQLException on a database error
   */
  static List<String> markFailed(Connection c, long now) throws SQLException {
    List<String[]> candidates = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT runs.run_uuid, pid.value, start.value FROM runs"
                + " JOIN tags host ON host.run_uuid = runs.run_uuid AND host.key = ?"
                + " JOIN tags pid ON pid.run_uuid = runs.run_uuid AND pid.key = ?"
                + " LEFT JOIN tags start ON start.run_uuid = runs.run_uuid AND start.key = ?"
                + " WHERE runs.status = 'RUNNING' AND runs.lifecycle_stage = 'active'"
                + " AND host.value = ?")) {
      ps.setString(1, WeirProcess.HOST_TAG);
      ps.setString(2, WeirProcess.PID_TAG);
      ps.setString(3, WeirProcess.START_TAG);
      ps.setString(4, WeirProcess.host());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          candidates.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    List<String> lost = new ArrayList<>();
    for (String[] run : candidates) {
      if (WeirProcess.isAlive(run[1], run[2])) {
        continue;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE runs SET status = 'FAILED', end_time = ? WHERE run_uuid = ?"
                  + " AND status = 'RUNNING'")) {
        ps.setLong(1, now);
        ps.setString(2, run[0]);
        ps.executeUpdate();
      }
      SqliteStore.putTag(
          c,
          run[0],
          LOST_TAG,
          "The Weir process "
              + run[1]
              + " on "
              + WeirProcess.host()
              + " ended without ending this run (killed with SIGKILL, or it crashed); marked"
              + " FAILED by the next Weir run at "
              + Instant.ofEpochMilli(now));
      lost.add(run[0]);
    }
    return lost;
  }
}
