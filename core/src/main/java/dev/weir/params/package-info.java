/**
 * Binds {@code params:} inputs to maps, scalars, records and POJOs. Depends on the root package and
 * {@code config}.
 */
@NullMarked
package dev.weir.params;

import org.jspecify.annotations.NullMarked;
