/**
 * The {@code data_science} pipeline: splits the model input table into train and test rows, fits an
 * ordinary least squares regression of {@code price} on the features, and evaluates it. As Kedro's
 * PySpark starter hands the table to pandas for this step, the feature rows are collected to the
 * driver and fitted with Apache Commons Math, so the step runs the same on every kind of Spark
 * session, Spark Connect included.
 */
@NullMarked
package dev.weir.spaceflights.pipelines.datascience;

import org.jspecify.annotations.NullMarked;
