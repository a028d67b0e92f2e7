/**
 * The Excel dataset ({@code excel.ExcelDataset}, alias {@code pandas.ExcelDataset}): Apache POI on
 * the driver, Spark DataFrames in and out.
 */
@NullMarked
package dev.weir.datasets.excel;

import org.jspecify.annotations.NullMarked;
