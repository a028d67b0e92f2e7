package dev.weir.spaceflights.pipelines.dataprocessing;

import static dev.weir.spaceflights.TestSpark.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class DataProcessingNodesTest {

  @Test
  void preprocessCompaniesParsesFlagsAndPercentages() {
    Dataset<Row> raw =
        frame(
            "id INT, company_rating STRING, company_location STRING, total_fleet_count DOUBLE,"
                + " iata_approved STRING",
            new Object[] {1, "100%", "Niue", 1.0, "t"},
            new Object[] {2, "38%", null, 2.0, "f"},
            new Object[] {3, null, "Malta", 3.0, null});

    Dataset<Row> companies = DataProcessingNodes.preprocessCompanies(raw);

    assertThat(companies.columns()).containsExactly(raw.columns());
    assertThat(companies.schema().apply("iata_approved").dataType())
        .isEqualTo(DataTypes.BooleanType);
    assertThat(companies.schema().apply("company_rating").dataType())
        .isEqualTo(DataTypes.DoubleType);
    Map<Integer, Row> byId = byId(companies, "id");
    assertThat(Objects.requireNonNull(byId.get(1)).<Boolean>getAs("iata_approved")).isTrue();
    assertThat(byId.get(1).<Double>getAs("company_rating")).isEqualTo(1.0);
    assertThat(Objects.requireNonNull(byId.get(2)).<Boolean>getAs("iata_approved")).isFalse();
    assertThat(byId.get(2).<Double>getAs("company_rating")).isEqualTo(0.38);
    assertThat(byId.get(2).<String>getAs("company_location")).isNull();
    assertThat(Objects.requireNonNull(byId.get(3)).<Object>getAs("iata_approved")).isNull();
    assertThat(byId.get(3).<Object>getAs("company_rating")).isNull();
  }

  @Test
  void preprocessShuttlesParsesFlagsAndMoney() {
    Dataset<Row> raw =
        frame(
            "id INT, shuttle_type STRING, d_check_complete STRING,"
                + " moon_clearance_complete STRING, price STRING",
            new Object[] {1, "Type V5", "t", "f", "$1,325.0"},
            new Object[] {2, "Type F5", "f", "t", "$950.5"},
            new Object[] {3, "Type V2", "f", "f", "€12,345,678.25"});

    Dataset<Row> shuttles = DataProcessingNodes.preprocessShuttles(raw);

    assertThat(shuttles.columns()).containsExactly(raw.columns());
    Map<Integer, Row> byId = byId(shuttles, "id");
    assertThat(Objects.requireNonNull(byId.get(1)).<Double>getAs("price")).isEqualTo(1325.0);
    assertThat(Objects.requireNonNull(byId.get(2)).<Double>getAs("price")).isEqualTo(950.5);
    assertThat(Objects.requireNonNull(byId.get(3)).<Double>getAs("price")).isEqualTo(12_345_678.25);
    assertThat(byId.get(1).<Boolean>getAs("d_check_complete")).isTrue();
    assertThat(byId.get(1).<Boolean>getAs("moon_clearance_complete")).isFalse();
    assertThat(byId.get(2).<Boolean>getAs("d_check_complete")).isFalse();
    assertThat(byId.get(2).<Boolean>getAs("moon_clearance_complete")).isTrue();
  }

  @Test
  void preprocessReviewsDropsTheUnusedScores() {
    Dataset<Row> raw =
        frame(
            "shuttle_id INT, review_scores_rating DOUBLE, review_scores_comfort DOUBLE,"
                + " review_scores_amenities DOUBLE, review_scores_trip DOUBLE,"
                + " review_scores_crew DOUBLE, review_scores_location DOUBLE,"
                + " review_scores_price DOUBLE, number_of_reviews INT, reviews_per_month DOUBLE",
            new Object[] {7, 91.0, 10.0, 9.0, 9.0, 9.0, 9.0, 9.0, 26, 0.77});

    Dataset<Row> reviews = DataProcessingNodes.preprocessReviews(raw);

    assertThat(reviews.columns()).containsExactly("shuttle_id", "review_scores_rating");
    assertThat(reviews.collectAsList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<Integer>getAs("shuttle_id")).isEqualTo(7);
              assertThat(r.<Double>getAs("review_scores_rating")).isEqualTo(91.0);
            });
  }

  @Test
  void createModelInputTableJoinsAndDropsIncompleteRows() {
    Dataset<Row> shuttles =
        frame(
            "id INT, shuttle_type STRING, price DOUBLE, company_id INT",
            new Object[] {1, "Type V5", 1000.0, 10}, // complete
            new Object[] {2, "Type V5", 2000.0, 10}, // no review
            new Object[] {3, "Type F5", 3000.0, 20}, // company with a null rating
            new Object[] {4, "Type F5", 4000.0, 99}, // unknown company
            new Object[] {5, "Type V2", 5000.0, 30}); // complete
    Dataset<Row> companies =
        frame(
            "id INT, company_rating DOUBLE, iata_approved BOOLEAN",
            new Object[] {10, 0.9, true},
            new Object[] {20, null, false},
            new Object[] {30, 1.0, false});
    Dataset<Row> reviews =
        frame(
            "shuttle_id INT, review_scores_rating DOUBLE",
            new Object[] {1, 91.0},
            new Object[] {3, 80.0},
            new Object[] {4, 70.0},
            new Object[] {5, 100.0},
            new Object[] {6, 50.0}); // review of no shuttle

    Dataset<Row> table = DataProcessingNodes.createModelInputTable(shuttles, companies, reviews);

    assertThat(table.columns())
        .containsExactlyInAnyOrder(
            "shuttle_id",
            "shuttle_type",
            "price",
            "company_id",
            "review_scores_rating",
            "company_rating",
            "iata_approved");
    Map<Integer, Row> byId = byId(table, "shuttle_id");
    assertThat(byId).containsOnlyKeys(1, 5);
    assertThat(Objects.requireNonNull(byId.get(1)).<Double>getAs("review_scores_rating"))
        .isEqualTo(91.0);
    assertThat(byId.get(1).<Double>getAs("company_rating")).isEqualTo(0.9);
    assertThat(Objects.requireNonNull(byId.get(5)).<Integer>getAs("company_id")).isEqualTo(30);
    assertThat(byId.get(5).<Double>getAs("price")).isEqualTo(5000.0);
  }

  private static Map<Integer, Row> byId(Dataset<Row> frame, String key) {
    List<Row> rows = frame.collectAsList();
    return rows.stream().collect(Collectors.toMap(r -> r.<Integer>getAs(key), Function.identity()));
  }
}
