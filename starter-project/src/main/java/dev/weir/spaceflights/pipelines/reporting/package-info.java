/**
 * The {@code reporting} pipeline: the average passenger capacity of each shuttle type, as a table
 * and as a bar chart PNG (drawn with XChart, headless).
 */
@NullMarked
package dev.weir.spaceflights.pipelines.reporting;

import org.jspecify.annotations.NullMarked;
