package dev.weir.spaceflights

import dev.weir.io.DataCatalog
import dev.weir.io.MemoryDataset
import dev.weir.node.Node.node
import dev.weir.pipeline.Pipeline
import dev.weir.runner.HookManager
import dev.weir.runner.SequentialRunner
import dev.weir.spaceflights.pipelines.dataprocessing.DataProcessingNodes
import dev.weir.spaceflights.pipelines.reporting.ChartOptions
import dev.weir.spaceflights.pipelines.reporting.ReportingNodes
import dev.weir.sql.SqlNode
import java.io.ByteArrayInputStream
import javax.imageio.ImageIO
import org.apache.spark.sql.Dataset
import org.apache.spark.sql.Row
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/**
 * Pipelines written in Kotlin over the starter's nodes: lambdas for bodies, `+` to combine, and
 * inline SQL nodes next to them.
 */
class KotlinPipelineTest {
  @Test
  fun `a Kotlin pipeline over the starter's nodes runs`() {
    val shuttles =
      TestSpark.frame(
        "id INT, shuttle_type STRING, passenger_capacity INT, d_check_complete STRING, " +
          "moon_clearance_complete STRING, price STRING",
        arrayOf<Any>(1, "Type V5", 2, "t", "f", "$1,325.0"),
        arrayOf<Any>(2, "Type V5", 4, "f", "f", "$2,000.0"),
        arrayOf<Any>(3, "Type F5", 8, "f", "t", "$950.0"),
      )

    val processing =
      Pipeline.of(
        node { raw: Dataset<Row> -> DataProcessingNodes.preprocessShuttles(raw) }
          .inputs("shuttles")
          .output("preprocessed_shuttles")
          .name("preprocess_shuttles_node")
          .build()
      )
    val reporting =
      Pipeline.of(
        node { preprocessed: Dataset<Row> -> ReportingNodes.comparePassengerCapacity(preprocessed) }
          .inputs("preprocessed_shuttles")
          .output("capacity")
          .name("compare_passenger_capacity_node")
          .build(),
        node { capacity: Dataset<Row>, options: ChartOptions ->
            ReportingNodes.plotPassengerCapacity(capacity, options)
          }
          .inputs("capacity", "params:chart")
          .output("plot")
          .name("plot_passenger_capacity_node")
          .build(),
        node { capacity: Dataset<Row> ->
            capacity.collectAsList().associate { it.getString(0) to it.getDouble(1) }
          }
          .inputs("capacity")
          .output("capacity_by_type")
          .name("collect_capacity_node")
          .build(),
      )
    val pipeline = processing + reporting

    val catalog = DataCatalog.of(mapOf("shuttles" to MemoryDataset<Any>(shuttles, "assign")))
    catalog.addParameters(
      mapOf("chart" to mapOf("title" to "Capacity", "width" to 320, "height" to 240))
    )
    val result = SequentialRunner().run(pipeline, catalog, HookManager.empty(), "kotlin-test")

    assertThat(result.nodeSeconds().keys)
      .containsExactlyInAnyOrder(
        "preprocess_shuttles_node",
        "compare_passenger_capacity_node",
        "plot_passenger_capacity_node",
        "collect_capacity_node",
      )
    assertThat(result.freeOutputs()["capacity_by_type"])
      .isEqualTo(mapOf("Type F5" to 8.0, "Type V5" to 3.0))
    val image = ImageIO.read(ByteArrayInputStream(result.freeOutputs()["plot"] as ByteArray))
    assertThat(image.width).isEqualTo(320)
    assertThat(image.height).isEqualTo(240)
  }

  @Test
  fun `an inline SQL node binds a nested params input as a named parameter`() {
    val companies =
      TestSpark.frame(
        "id INT, company_rating STRING, company_location STRING, total_fleet_count DOUBLE, " +
          "iata_approved STRING",
        arrayOf<Any>(1, "100%", "Niue", 1.0, "t"),
        arrayOf<Any>(2, "38%", "Malta", 2.0, "f"),
        arrayOf<Any>(3, "90%", "Chad", 3.0, "t"),
        arrayOf<Any>(4, "70%", "Peru", 4.0, "t"),
      )

    val pipeline =
      Pipeline.of(
        node { raw: Dataset<Row> -> DataProcessingNodes.preprocessCompanies(raw) }
          .inputs("companies")
          .output("preprocessed_companies")
          .name("preprocess_companies_node")
          .build(),
        // params:filters.min_rating is :filters_min_rating in the query, bound by Spark.
        SqlNode.sql(
            """
                SELECT id, company_rating
                FROM preprocessed_companies
                WHERE iata_approved AND company_rating >= :filters_min_rating
                """
              .trimIndent()
          )
          .inputs("preprocessed_companies", "params:filters.min_rating")
          .output("rated_companies")
          .name("rated_companies_node")
          .build(),
      )

    // A fresh catalog per run: the runner releases memory datasets after their last reader.
    fun ratedCompanies(minRating: Double): Map<Int, Double> {
      val catalog = DataCatalog.of(mapOf("companies" to MemoryDataset<Any>(companies, "assign")))
      catalog.addParameters(mapOf("filters" to mapOf("min_rating" to minRating)))
      val result = SequentialRunner().run(pipeline, catalog, HookManager.empty(), "kotlin-sql-test")
      assertThat(result.nodeSeconds().keys)
        .containsExactlyInAnyOrder("preprocess_companies_node", "rated_companies_node")
      @Suppress("UNCHECKED_CAST")
      val rated = result.freeOutputs()["rated_companies"] as Dataset<Row>
      assertThat(rated.sparkSession()).isSameAs(TestSpark.session())
      assertThat(rated.columns()).containsExactly("id", "company_rating")
      return rated.collectAsList().associate { it.getInt(0) to it.getDouble(1) }
    }

    assertThat(ratedCompanies(0.95)).isEqualTo(mapOf(1 to 1.0))
    // Same node, same text, another value: the bound comes from the parameters.
    assertThat(ratedCompanies(0.8)).isEqualTo(mapOf(1 to 1.0, 3 to 0.9))
  }
}
