package dev.weir.spaceflights

import dev.weir.node.Node.node
import dev.weir.pipeline.Pipeline
import dev.weir.pipeline.PipelineFilter
import dev.weir.spaceflights.pipelines.datascience.DataSciencePipeline
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/**
 * Kedro's spaceflights tutorial on modular pipelines, in Kotlin: the data science pipeline reused
 * twice under two namespaces, reading the one `model_input_table` and keeping its own parameters.
 * Only the model is built here; nothing runs on Spark.
 */
class KotlinModularPipelineTest {
  private fun modelling(namespace: String): Pipeline =
    Pipeline.modular(DataSciencePipeline.create())
      .namespace(namespace)
      .inputs("model_input_table")
      .tags(namespace)
      .build()

  @Test
  fun `the data science pipeline twice, as in Kedro's spaceflights tutorial`() {
    val both = modelling("active_modelling_pipeline") + modelling("candidate_modelling_pipeline")

    assertThat(both.inputs())
      .containsExactlyInAnyOrder(
        "model_input_table",
        "params:active_modelling_pipeline.model_options",
        "params:candidate_modelling_pipeline.model_options",
      )
    assertThat(both.node("active_modelling_pipeline.train_model_node")).isPresent()
    assertThat(both.allOutputs()).contains("candidate_modelling_pipeline.regressor")
    assertThat(both.groupNodesBy("namespace").map { it.name() })
      .containsExactlyInAnyOrder("active_modelling_pipeline", "candidate_modelling_pipeline")
  }

  @Test
  fun `one namespace runs alone through the same filter as weir run --namespaces`() {
    val both = modelling("active_modelling_pipeline") + modelling("candidate_modelling_pipeline")

    val active =
      both.filter(PipelineFilter.builder().nodeNamespaces("active_modelling_pipeline").build())

    assertThat(active.nodes()).hasSize(3)
    assertThat(active.nodes()).allSatisfy {
      assertThat(it.tags()).contains("active_modelling_pipeline")
    }
  }

  @Test
  fun `a compact Kotlin node feeds the namespaced pipelines`() {
    val prepare =
      Pipeline.of(node({ table: String -> table.trim() }, "raw_table", "model_input_table"))

    val full = prepare + modelling("active_modelling_pipeline")

    assertThat(full.inputs())
      .containsExactlyInAnyOrder("raw_table", "params:active_modelling_pipeline.model_options")
    assertThat(full.describe().lines().first()).isEqualTo("#### Pipeline execution order ####")
  }
}
