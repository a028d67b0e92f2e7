/** The model dataset ({@code java.ModelDataset}): fitted model objects, versioned. */
@NullMarked
package dev.weir.datasets.model;

import org.jspecify.annotations.NullMarked;
