/** Weir node: see the package's types. */
@NullMarked
package dev.weir.node;

import org.jspecify.annotations.NullMarked;
