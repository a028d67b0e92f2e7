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
import java.io.ByteArrayInputStream
import javax.imageio.ImageIO
import org.apache.spark.sql.Dataset
import org.apache.spark.sql.Row
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** A pipeline written in Kotlin over the starter's nodes: lambdas for bodies, `+` to combine. */
class KotlinPipelineTest {
    @Test
    fun `a Kotlin pipeline over the starter's nodes runs`() {
        val shuttles = TestSpark.frame(
            "id INT, shuttle_type STRING, passenger_capacity INT, d_check_complete STRING, " +
                "moon_clearance_complete STRING, price STRING",
            arrayOf<Any>(1, "Type V5", 2, "t", "f", "$1,325.0"),
            arrayOf<Any>(2, "Type V5", 4, "f", "f", "$2,000.0"),
            arrayOf<Any>(3, "Type F5", 8, "f", "t", "$950.0"),
        )

        val processing = Pipeline.of(
            node { raw: Dataset<Row> -> DataProcessingNodes.preprocessShuttles(raw) }
                .inputs("shuttles").output("preprocessed_shuttles")
                .name("preprocess_shuttles_node").build(),
        )
        val reporting = Pipeline.of(
            node { preprocessed: Dataset<Row> -> ReportingNodes.comparePassengerCapacity(preprocessed) }
                .inputs("preprocessed_shuttles").output("capacity")
                .name("compare_passenger_capacity_node").build(),
            node { capacity: Dataset<Row>, options: ChartOptions -> ReportingNodes.plotPassengerCapacity(capacity, options) }
                .inputs("capacity", "params:chart").output("plot")
                .name("plot_passenger_capacity_node").build(),
            node { capacity: Dataset<Row> -> capacity.collectAsList().associate { it.getString(0) to it.getDouble(1) } }
                .inputs("capacity").output("capacity_by_type")
                .name("collect_capacity_node").build(),
        )
        val pipeline = processing + reporting

        val catalog = DataCatalog.of(mapOf("shuttles" to MemoryDataset<Any>(shuttles, "assign")))
        catalog.addParameters(mapOf("chart" to mapOf("title" to "Capacity", "width" to 320, "height" to 240)))
        val result = SequentialRunner().run(pipeline, catalog, HookManager.empty(), "kotlin-test")

        assertThat(result.nodeSeconds().keys).containsExactlyInAnyOrder(
            "preprocess_shuttles_node", "compare_passenger_capacity_node",
            "plot_passenger_capacity_node", "collect_capacity_node",
        )
        assertThat(result.freeOutputs()["capacity_by_type"])
            .isEqualTo(mapOf("Type F5" to 8.0, "Type V5" to 3.0))
        val image = ImageIO.read(ByteArrayInputStream(result.freeOutputs()["plot"] as ByteArray))
        assertThat(image.width).isEqualTo(320)
        assertThat(image.height).isEqualTo(240)
    }
}
