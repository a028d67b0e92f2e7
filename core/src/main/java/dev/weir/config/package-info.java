/** Weir config: see the package's types. */
@NullMarked
package dev.weir.config;

import org.jspecify.annotations.NullMarked;
