/** Weir io: see the package's types. */
@NullMarked
package dev.weir.io;

import org.jspecify.annotations.NullMarked;
