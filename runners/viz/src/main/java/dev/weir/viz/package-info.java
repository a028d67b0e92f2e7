/**
 * {@code weir viz}: the pipeline as an interactive map, Weir's counterpart of kedro-viz.
 *
 * <p>{@link dev.weir.viz.VizGraphBuilder} turns a {@link dev.weir.pipeline.Pipeline} and its {@link
 * dev.weir.io.DataCatalog} into a {@link dev.weir.viz.VizGraph}; renderers print it as JSON,
 * Mermaid, Graphviz DOT or one self-contained HTML page (Cytoscape.js with the dagre layout,
 * bundled as resources). {@link dev.weir.viz.RunRecorderHook} records the last run into {@code
 * <project>/.weir/last-run.json} so the map can show it.
 */
@NullMarked
package dev.weir.viz;

import org.jspecify.annotations.NullMarked;
