/**
 * Weir's built-in dataset types (Kedro's kedro-datasets, for the JVM): Spark files, Delta Lake,
 * Spark / Unity Catalog tables, Excel, local JSON / YAML / text / binary files and models. Each
 * type registers in {@code META-INF/services/dev.weir.io.DatasetType}; this package holds the
 * catalog entry checks they share.
 */
@NullMarked
package dev.weir.datasets;

import org.jspecify.annotations.NullMarked;
