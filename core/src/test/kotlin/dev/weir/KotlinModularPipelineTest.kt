package dev.weir

import dev.weir.node.Node
import dev.weir.pipeline.Pipeline
import dev.weir.pipeline.PipelineException
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** Weir as Kotlin users write it: lambda node functions, the compact form, modular pipelines. */
class KotlinModularPipelineTest {
  private val base =
    Pipeline.of(
      Node.node({ raw: String -> raw.trim() }, "raw", "clean"),
      Node.node(
        { clean: String, size: Double -> clean.take(size.toInt()) },
        listOf("clean", "params:size"),
        "sample",
      ),
    )

  @Test
  fun `a typed one-argument lambda is a node function`() {
    val node = Node.node { x: Any -> x }.inputs("a").output("b").build()

    assertThat(node.inputs()).containsExactly("a")
    assertThat(node.run(mapOf("a" to 1))).containsEntry("b", 1)
  }

  /**
   * Kotlin neither counts the parameters of an `it` lambda when choosing among `node`'s arities nor
   * infers its type from nothing, so a plain `{ it }` takes its two type arguments; a lambda with a
   * typed parameter (above) needs none.
   */
  @Test
  fun `a plain lambda with it is a node function`() {
    val node = Node.node<String, String> { it.uppercase() }.inputs("a").output("b").build()

    assertThat(node.run(mapOf("a" to "x"))).containsEntry("b", "X")
  }

  @Test
  fun `the compact form takes inputs and outputs as Kedro's node does`() {
    val one = Node.node({ x: Int -> x + 1 }, "a", "b")
    val two =
      Node.node(
        { x: Int, y: Int -> listOf(x + y, x * y) },
        listOf("a", "b"),
        listOf("sum", "product"),
      )

    assertThat(one.run(mapOf("a" to 1))).containsEntry("b", 2)
    assertThat(two.run(mapOf("a" to 2, "b" to 3)))
      .containsEntry("sum", 5)
      .containsEntry("product", 6)
  }

  @Test
  fun `a map function has its own factory`() {
    val node =
      Node.mapNode { inputs -> mapOf("out" to inputs.size) }
        .inputs("a", "b")
        .outputs(mapOf("out" to "count"))
        .build()

    assertThat(node.run(mapOf("a" to 1, "b" to 2))).containsEntry("count", 2)
  }

  @Test
  fun `a modular pipeline with a namespace, kept and renamed names, parameters and tags`() {
    val modular =
      Pipeline.modular(base)
        .namespace("eu")
        .inputs("raw")
        .outputs(mapOf("sample" to "eu_sample"))
        .parameters("size")
        .tags("eu")
        .build()

    assertThat(modular.nodes().map { it.name() }).allMatch { it.startsWith("eu.") }
    assertThat(modular.inputs()).containsExactly("params:size", "raw")
    assertThat(modular.outputs()).containsExactly("eu_sample")
    assertThat(modular.allOutputs()).contains("eu.clean")
    assertThat(modular.nodes()).allSatisfy { assertThat(it.tags()).containsExactly("eu") }
  }

  @Test
  fun `a modular pipeline without a namespace only renames`() {
    val renamed = Pipeline.modular(base).inputs(mapOf("raw" to "companies")).build()

    assertThat(renamed.inputs()).containsExactly("companies", "params:size")
    assertThat(renamed.nodes()).allSatisfy { assertThat(it.namespace()).isNull() }
  }

  @Test
  fun `prefixDatasets false groups nodes without renaming datasets`() {
    val grouped = Pipeline.modular(base).namespace("eu").prefixDatasets(false).build()

    assertThat(grouped.datasets())
      .containsExactlyInAnyOrder("raw", "clean", "params:size", "sample")
    assertThat(grouped.groupNodesBy("namespace").map { it.name() }).containsExactly("eu")
  }

  @Test
  fun `two regions of one pipeline combine with plus`() {
    fun region(name: String) =
      Pipeline.modular(base).namespace(name).inputs("raw").parameters("size").build()

    val both = region("eu") + region("us")

    assertThat(both.nodes()).hasSize(4)
    assertThat(both.inputs()).containsExactly("params:size", "raw")
  }

  @Test
  fun `a mistyped mapping names the kind and the names`() {
    assertThatThrownBy { Pipeline.modular(base).inputs("rwa").build() }
      .isInstanceOfSatisfying(PipelineException::class.java) {
        assertThat(it.kind()).isEqualTo(PipelineException.Kind.UNKNOWN_MAPPING)
        assertThat(it.names()).containsExactly("rwa")
        assertThat(it.message).endsWith("Did you mean: raw?")
      }
  }
}
