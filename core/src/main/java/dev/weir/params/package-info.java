/** Weir params: see the package's types. */
@NullMarked
package dev.weir.params;

import org.jspecify.annotations.NullMarked;
