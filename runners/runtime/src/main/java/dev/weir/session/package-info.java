/**
 * The Weir session (Kedro's {@code KedroSession}): loads configuration, builds the catalog, wires
 * hooks, finds the project's pipelines and runs them.
 */
@NullMarked
package dev.weir.session;

import org.jspecify.annotations.NullMarked;
