package dev.weir.spaceflights.pipelines.dataprocessing;

import static org.apache.spark.sql.functions.regexp_replace;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The node functions of the {@code data_processing} pipeline, after Kedro's spaceflights {@code
 * nodes.py} (kedro-org/kedro-starters, {@code spaceflights-pyspark}). Each one is a pure function
 * from DataFrames to a DataFrame; the raw files' formats are: flags {@code t}/{@code f},
 * percentages {@code 100%}, money {@code $1,325.0}, empty cells for missing values.
 */
public final class DataProcessingNodes {
  /** Columns of the raw reviews that the model does not use. */
  static final String[] UNUSED_REVIEW_COLUMNS = {
    "review_scores_comfort",
    "review_scores_amenities",
    "review_scores_trip",
    "review_scores_crew",
    "review_scores_location",
    "review_scores_price",
    "number_of_reviews",
    "reviews_per_month"
  };

  private DataProcessingNodes() {}

  /**
   * Cleans the companies.
   *
   * @param companies the raw companies: {@code id} (int), {@code company_rating} (string such as
   *     {@code 100%}), {@code company_location} (string), {@code total_fleet_count} (double),
   *     {@code iata_approved} (string {@code t}/{@code f})
   * @return the same columns, with {@code iata_approved} as boolean and {@code company_rating} as a
   *     double fraction ({@code 100%} becomes 1.0); missing values stay null
   */
  public static Dataset<Row> preprocessCompanies(Dataset<Row> companies) {
    return companies
        .withColumn("iata_approved", isTrue(companies.col("iata_approved")))
        .withColumn("company_rating", parsePercentage(companies.col("company_rating")));
  }

  /**
   * Cleans the shuttles.
   *
   * @param shuttles the raw shuttles: {@code id}, {@code shuttle_location}, {@code shuttle_type},
   *     {@code engine_type}, {@code engine_vendor}, {@code engines}, {@code passenger_capacity},
   *     {@code cancellation_policy}, {@code crew}, {@code d_check_complete} and {@code
   *     moon_clearance_complete} (strings {@code t}/{@code f}), {@code price} (string such as
   *     {@code $1,325.0}), {@code company_id}
   * @return the same columns, with {@code d_check_complete} and {@code moon_clearance_complete} as
   *     booleans and {@code price} as a double ({@code $1,325.0} becomes 1325.0, by the Java UDF
   *     {@link ParseMoney})
   */
  public static Dataset<Row> preprocessShuttles(Dataset<Row> shuttles) {
    return shuttles
        .withColumn("d_check_complete", isTrue(shuttles.col("d_check_complete")))
        .withColumn("moon_clearance_complete", isTrue(shuttles.col("moon_clearance_complete")))
        .withColumn("price", parseMoney(shuttles.col("price")));
  }

  /**
   * Keeps the review columns the model uses.
   *
   * @param reviews the raw reviews: {@code shuttle_id}, {@code review_scores_rating}, the other
   *     {@code review_scores_*} columns, {@code number_of_reviews}, {@code reviews_per_month}
   * @return the reviews without {@code review_scores_comfort}, {@code review_scores_amenities},
   *     {@code review_scores_trip}, {@code review_scores_crew}, {@code review_scores_location},
   *     {@code review_scores_price}, {@code number_of_reviews} and {@code reviews_per_month}
   */
  public static Dataset<Row> preprocessReviews(Dataset<Row> reviews) {
    return reviews.drop(UNUSED_REVIEW_COLUMNS);
  }

  /**
   * Joins shuttles, reviews and companies into one row per shuttle, as the model's input.
   *
   * @param shuttles the preprocessed shuttles (key {@code id}, foreign key {@code company_id})
   * @param companies the preprocessed companies (key {@code id})
   * @param reviews the preprocessed reviews (key {@code shuttle_id})
   * @return every shuttle column with {@code id} renamed {@code shuttle_id}, then the review
   *     columns, then the company columns with {@code id} renamed {@code company_id}: shuttles left
   *     joined to reviews on {@code shuttle_id}, then left joined to companies on {@code
   *     company_id}; rows with a null in any column are dropped (Kedro's {@code dropna()}), so a
   *     shuttle without a review or a company is left out
   */
  public static Dataset<Row> createModelInputTable(
      Dataset<Row> shuttles, Dataset<Row> companies, Dataset<Row> reviews) {
    Dataset<Row> renamedShuttles = shuttles.withColumnRenamed("id", "shuttle_id");
    Dataset<Row> renamedCompanies = companies.withColumnRenamed("id", "company_id");
    return renamedShuttles
        .join(reviews, "shuttle_id", "left")
        .join(renamedCompanies, "company_id", "left")
        .na()
        .drop();
  }

  /**
   * @param flag a string column of {@code t}/{@code f}
   * @return true for {@code t}, false for any other value, null for null
   */
  static Column isTrue(Column flag) {
    return flag.equalTo("t");
  }

  /**
   * @param percentage a string column such as {@code 38%}
   * @return the fraction as a double (0.38)
   */
  static Column parsePercentage(Column percentage) {
    return regexp_replace(percentage, "%", "").cast("double").divide(100);
  }

  /**
   * @param money a string column such as {@code $1,325.0} (also {@code £} and {@code €})
   * @return the amount as a double (1325.0), computed by the Java UDF {@link ParseMoney} on the
   *     executors
   */
  static Column parseMoney(Column money) {
    return ParseMoney.udf().apply(money);
  }
}
