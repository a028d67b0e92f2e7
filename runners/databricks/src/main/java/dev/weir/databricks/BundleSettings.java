package dev.weir.databricks;

import org.jspecify.annotations.Nullable;

/**
 * What {@code weir bundle} generates.
 *
 * @param bundleName the bundle name and job key prefix, e.g. {@code spaceflights}
 * @param target the bundle target the resources are for ({@code dev} or {@code prod}); also the
 *     configuration environment each task runs with ({@code --env})
 * @param groupBy how nodes become tasks
 * @param serverless whether tasks run on serverless compute (an {@code environments} entry with
 *     {@code java_dependencies}) instead of a job cluster
 * @param jarPath the job JAR, relative to the project directory, e.g. {@code
 *     target/spaceflights-0.1.0-SNAPSHOT-job.jar}
 * @param buildCommand the command that builds the JAR, run by {@code databricks bundle deploy}
 * @param remoteProject the project directory on Databricks (a Volume or workspace folder) that
 *     relative catalog paths resolve against, passed to each task as {@code --project}; {@code
 *     null} for the driver's working directory
 */
public record BundleSettings(
    String bundleName,
    String target,
    GroupBy groupBy,
    boolean serverless,
    String jarPath,
    String buildCommand,
    @Nullable String remoteProject) {

  /** The Databricks Runtime of job clusters: Spark 4.1, Scala 2.13 (Databricks Runtime 18). */
  public static final String SPARK_VERSION = "18.0.x-scala2.13";

  /** The serverless environment version that runs JAR tasks (Scala 2.13, Spark 4). */
  public static final String SERVERLESS_ENVIRONMENT_VERSION = "4";

  /** The JAR's main class: the Weir command line. */
  public static final String MAIN_CLASS = "dev.weir.cli.Main";
}
