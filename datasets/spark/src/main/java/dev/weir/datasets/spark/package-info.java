/**
 * Spark datasets ({@code spark.SparkDataset}, {@code spark.DeltaTableDataset}, {@code
 * spark.SparkTableDataset}) and the run's Spark session resolution. Only the DataFrame / SQL API is
 * used (no {@code SparkContext}, no RDDs), so every type works on classic Spark and over Spark
 * Connect / Databricks Connect; where Connect cannot do something the dataset says so.
 */
@NullMarked
package dev.weir.datasets.spark;

import org.jspecify.annotations.NullMarked;
