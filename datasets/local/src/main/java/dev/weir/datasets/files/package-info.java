/**
 * Local files shared by the non-Spark datasets: Kedro's versioned path layout and writes that
 * replace a file only once the new content is complete.
 */
@NullMarked
package dev.weir.datasets.files;

import org.jspecify.annotations.NullMarked;
