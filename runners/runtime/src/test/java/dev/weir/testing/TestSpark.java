package dev.weir.testing;

import dev.weir.datasets.spark.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The test JVM's one Spark session: {@code local[2]}, UI off and Delta configured through {@link
 * SparkSessions#embeddedSettings}; {@code getOrCreate} shares it with any other test class of this
 * module that started one first. Every call makes it the JVM's active and default session again.
 */
public final class TestSpark {
  private static @Nullable SparkSession session;

  private TestSpark() {}

  /**
   * @return the shared session, started on first use
   */
  public static synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder();
      try {
        SparkSessions.embeddedSettings(
                Map.of(
                    "spark.master", "local[2]",
                    "spark.app.name", "weir-runners-tests",
                    "spark.ui.enabled", "false",
                    "spark.scheduler.mode", "FAIR",
                    "spark.sql.shuffle.partitions", "2",
                    "spark.databricks.delta.snapshotPartitions", "2"),
                Files.createTempDirectory("weir-runners-spark"))
            .forEach(builder::config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session = builder.getOrCreate();
    }
    // A Spark Connect client created in this JVM (the SQL node tests) makes itself the active and
    // default session; Delta and scheduler pools look those up, so point them back at classic.
    SparkSession.setActiveSession(session);
    SparkSession.setDefaultSession(session);
    return session;
  }
}
