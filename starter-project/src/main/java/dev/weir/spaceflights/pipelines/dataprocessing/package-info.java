/**
 * The {@code data_processing} pipeline: cleans the raw companies, shuttles and reviews and joins
 * them into the model input table. Everything here is Spark DataFrame code, so it runs the same on
 * an embedded session, on a Databricks cluster and over Spark Connect.
 */
@NullMarked
package dev.weir.spaceflights.pipelines.dataprocessing;

import org.jspecify.annotations.NullMarked;
