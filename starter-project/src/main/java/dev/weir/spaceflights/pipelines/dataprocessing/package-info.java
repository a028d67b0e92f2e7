/**
 * The {@code data_processing} pipeline: cleans the raw companies, shuttles and reviews and joins
 * them into the model input table. Companies, shuttles and the join are Spark DataFrame code
 * ({@link dev.weir.spaceflights.pipelines.dataprocessing.DataProcessingNodes}); the reviews are
 * cleaned by a SQL node ({@code
 * src/main/resources/sql/data_processing/preprocess_reviews_node.sql}). Both run the same on an
 * embedded session, on a Databricks cluster and over Spark Connect.
 */
@NullMarked
package dev.weir.spaceflights.pipelines.dataprocessing;

import org.jspecify.annotations.NullMarked;
