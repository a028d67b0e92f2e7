package dev.weir.spaceflights.databricks;

import dev.weir.cli.Main;
import org.apache.spark.sql.SparkSession;

/**
 * Stands in for a Databricks driver running a JAR task: the cluster's Spark session exists and is
 * active before the task's {@code main} is called, {@code DATABRICKS_RUNTIME_VERSION} is set (by
 * the test that launches this class), and the run fails exactly when {@code main} throws, with the
 * exception's message as the error the Jobs UI shows. Prints {@value #SUCCEEDED} or {@value
 * #FAILED} and the message, then exits 0 or 1, as the driver reports the run.
 */
public final class DatabricksDriver {
  /** Printed when {@code main} returned. */
  static final String SUCCEEDED = "DRIVER: run succeeded";

  /** Printed, followed by the exception's message, when {@code main} threw. */
  static final String FAILED = "DRIVER: run failed: ";

  /** Delta {@code userMetadata} of every commit made by the cluster's session. */
  static final String COMMIT_MARKER = "written-by-the-cluster-session";

  private DatabricksDriver() {}

  /**
   * @param args the JAR task's parameters
   */
  public static void main(String[] args) {
    SparkSession cluster =
        SparkSession.builder()
            .master("local[2]")
            .appName("databricks-driver")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.commitInfo.userMetadata", COMMIT_MARKER)
            .getOrCreate();
    SparkSession.setActiveSession(cluster);
    int code;
    try {
      Main.main(args);
      System.out.println(SUCCEEDED);
      code = 0;
    } catch (Throwable e) {
      System.out.println(FAILED + e.getMessage());
      code = 1;
    }
    System.out.flush();
    cluster.stop();
    System.exit(code);
  }
}
