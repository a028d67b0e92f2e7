/**
 * Hooks: an interface whose methods all have empty defaults, fired identically under every runner.
 * Depends on {@code io}, {@code node} and {@code pipeline}; nothing depends back on it inside core.
 */
@NullMarked
package dev.weir.hooks;

import org.jspecify.annotations.NullMarked;
