/** Weir hooks: see the package's types. */
@NullMarked
package dev.weir.hooks;

import org.jspecify.annotations.NullMarked;
