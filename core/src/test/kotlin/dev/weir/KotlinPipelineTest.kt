package dev.weir

import dev.weir.node.Node
import dev.weir.params.ParameterBinder
import dev.weir.params.ParameterBindingException
import dev.weir.pipeline.Pipeline
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** Model options as a Kotlin project would declare them; `seed` has a default. */
data class ModelOptions(val testSize: Double, val features: List<String>, val seed: Int = 42)

/** Weir from Kotlin: lambdas as node functions, `+` and `-` on pipelines, data-class parameters. */
class KotlinPipelineTest {
  private val ingest =
    Node.node { raw: String -> raw.trim() }.inputs("raw").output("clean").name("ingest").build()

  private val split =
    Node.node { clean: String, options: ModelOptions ->
        val cut = (clean.length * (1 - options.testSize)).toInt()
        listOf(clean.substring(0, cut), clean.substring(cut))
      }
      .inputs("clean", "params:model_options")
      .outputs("train", "test")
      .name("split")
      .namespace("ds")
      .build()

  private val report =
    Node.node { train: String, test: String -> "${train.length}/${test.length}" }
      .inputs("train", "test")
      .output("report")
      .name("report")
      .tags("reporting")
      .build()

  @Test
  fun `pipelines from Kotlin lambdas combine with plus and minus`() {
    val all = Pipeline.of(ingest) + Pipeline.of(split) + Pipeline.of(report)
    val withoutReport = all - Pipeline.of(report)

    assertThat(all.nodes().map { it.name() }).containsExactly("ingest", "ds.split", "report")
    assertThat(all.inputs()).containsExactly("params:model_options", "raw")
    assertThat(withoutReport.nodes().map { it.name() }).containsExactly("ingest", "ds.split")
    assertThat(withoutReport.outputs()).containsExactly("test", "train")
    assertThat((all - all.onlyNodesWithTags("reporting")).nodes()).hasSize(2)
  }

  @Test
  fun `kotlin lambdas run with their inputs in order`() {
    val out = report.run(mapOf("train" to "abcd", "test" to "e"))

    assertThat(out).containsEntry("report", "4/1")
    assertThat(ingest.run(mapOf("raw" to "  x  "))).containsEntry("clean", "x")
  }

  @Test
  fun `a parameter binds into a Kotlin data class and feeds a node`() {
    val options =
      ParameterBinder.bind(
        "params:model_options",
        mapOf("test_size" to 0.25, "features" to listOf("engines", "crew")),
        split.argumentType(1).orElseThrow(),
      ) as ModelOptions

    assertThat(options).isEqualTo(ModelOptions(0.25, listOf("engines", "crew"), 42))
    assertThat(split.run(mapOf("clean" to "abcd", "params:model_options" to options)))
      .containsEntry("train", "abc")
      .containsEntry("test", "d")
  }

  @Test
  fun `argument types of Kotlin lambdas are found or can be declared`() {
    val untyped =
      // The map form is Node.mapNode, so a typed one-argument lambda is a NodeFunction1 as is.
      Node.node { options: Any -> options.toString() }
        .inputs("params:model_options")
        .output("text")
        .argumentType(0, ModelOptions::class.java)
        .build()

    assertThat(split.argumentType(0)).contains(String::class.java)
    assertThat(split.argumentType(1)).contains(ModelOptions::class.java)
    assertThat(split.functionName()).contains("lambda")
    assertThat(untyped.argumentType(0)).contains(ModelOptions::class.java)
    assertThat(untyped.name()).matches("lambda__[0-9a-f]{8}")
  }

  @Test
  fun `an unknown data class field is an error naming it`() {
    assertThatThrownBy {
        ParameterBinder.bind(
          "params:model_options",
          mapOf("test_size" to 0.25, "features" to listOf<String>(), "sead" to 1),
          ModelOptions::class.java,
        )
      }
      .isInstanceOf(ParameterBindingException::class.java)
      .hasMessageContaining("params:model_options")
      .hasMessageContaining("sead")
  }

  @Test
  fun `nullability is visible to Kotlin`() {
    // namespace() is @Nullable in a @NullMarked package, so Kotlin types it String? and
    // requires a safe call; name() is String, so `.length` needs none.
    val none: String? = ingest.namespace()
    val namespaced: String? = split.namespace()
    val nameLength: Int = ingest.name().length

    assertThat(none?.length ?: -1).isEqualTo(-1)
    assertThat(namespaced?.uppercase()).isEqualTo("DS")
    assertThat(nameLength).isEqualTo(6)
  }
}
