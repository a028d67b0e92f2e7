/**
 * The node model, as Kedro's {@code kedro.pipeline.node}: {@link dev.weir.node.Node}, its function
 * interfaces, transcoding, and {@link dev.weir.node.NodeException} for broken node rules. Depends
 * only on the root package; {@code pipeline} depends on it, never the other way.
 */
@NullMarked
package dev.weir.node;

import org.jspecify.annotations.NullMarked;
