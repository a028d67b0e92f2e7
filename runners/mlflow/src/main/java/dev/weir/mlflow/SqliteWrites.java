package dev.weir.mlflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs units of work against one SQLite file, each in its own connection and {@code BEGIN
 * IMMEDIATE} transaction (the write lock is taken at the start, so two writers never deadlock on a
 * lock upgrade). While another process holds the lock (a second Weir run, {@code mlflow ui}
 * writing), SQLite's busy handler waits, and a unit that still finds the database busy or locked is
 * retried, all within one bounded wait; after that the unit fails with {@link SQLException}.
 */
final class SqliteWrites {
  private static final long RETRY_PAUSE_MILLIS = 50;

  private final Path file;
  private final Duration lockWait;

  /** One unit of work on an open connection in a transaction the caller commits. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * @param file the database file; its folder is created on first use
   * @param lockWait the longest a unit waits for another writer's lock, in total
   */
  SqliteWrites(Path file, Duration lockWait) {
    this.file = file.toAbsolutePath().normalize();
    this.lockWait = lockWait;
  }

  Path file() {
    return file;
  }

  /**
   * Runs {@code work} in a transaction and commits it; rolls back on any failure.
   *
   * @return what {@code work} returned
   * @throws SQLException when the database stays locked longer than the wait, or on any other
   *     database error
   */
  <T> T inTransaction(Work<T> work) throws SQLException {
    long deadline = System.nanoTime() + lockWait.toNanos();
    while (true) {
      try {
        return once(work, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (SQLException e) {
        if (!isBusy(e) || System.nanoTime() >= deadline) {
          throw e;
        }
        try {
          Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private <T> T once(Work<T> work, long busyMillis) throws SQLException {
    try {
      Files.createDirectories(file.getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("Cannot create the folder of " + file, e);
    }
    Properties props = new Properties();
    props.setProperty("busy_timeout", String.valueOf(Math.min(Integer.MAX_VALUE, busyMillis)));
    props.setProperty("transaction_mode", "IMMEDIATE");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props)) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is closed next; SQLite rolls back what was not committed
        }
        throw e;
      }
    }
  }

  /**
   * @return whether the failure is another connection's lock, which a retry may get past
   */
  static boolean isBusy(SQLException e) {
    if (e instanceof SQLiteException s) {
      SQLiteErrorCode code = s.getResultCode();
      return code == SQLiteErrorCode.SQLITE_BUSY
          || code == SQLiteErrorCode.SQLITE_LOCKED
          || code.name().startsWith("SQLITE_BUSY_")
          || code.name().startsWith("SQLITE_LOCKED_");
    }
    return (e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6;
  }
}
