/**
 * Spark-specific runner logic, loaded only when a Spark object is seen: persisting a DataFrame that
 * several nodes read from memory, and FAIR scheduler pools per node under the parallel runner.
 */
@NullMarked
package dev.weir.runner.spark;

import org.jspecify.annotations.NullMarked;
