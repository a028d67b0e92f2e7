/** Test fixtures shared by the runners tests. */
@NullMarked
package dev.weir.testing;

import org.jspecify.annotations.NullMarked;
