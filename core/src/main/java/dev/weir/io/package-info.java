/**
 * Datasets and the data catalog: {@code Dataset}, dataset types found by {@code ServiceLoader},
 * factories, transcoding and versioning. Depends on the root package and {@code config}.
 */
@NullMarked
package dev.weir.io;

import org.jspecify.annotations.NullMarked;
