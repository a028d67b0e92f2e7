/**
 * Databricks: the checks that keep a pipeline honest over Spark Connect / Databricks Connect
 * ({@link dev.weir.databricks.ClassicSparkCheck}), the packaged job's entry point on a Databricks
 * driver ({@link dev.weir.databricks.DatabricksJob}), asset bundle generation ({@code weir bundle})
 * and run submission with the Databricks SDK for Java ({@code weir databricks submit}).
 */
@NullMarked
package dev.weir.databricks;

import org.jspecify.annotations.NullMarked;
