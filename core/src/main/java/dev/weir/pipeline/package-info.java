/** Weir pipeline: see the package's types. */
@NullMarked
package dev.weir.pipeline;

import org.jspecify.annotations.NullMarked;
