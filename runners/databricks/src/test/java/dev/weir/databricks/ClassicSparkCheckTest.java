package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.databricks.ClassicSparkCheck.Requirement;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

class ClassicSparkCheckTest {
  private static final Pipeline PIPELINE =
      Pipeline.of(
          Node.node((Integer a) -> a + 1).inputs("a").output("b").name("plain").build(),
          Node.node((Integer b) -> b * 2)
              .inputs("b")
              .output("c")
              .name("with_rdd")
              .tags("requires_classic_spark.rdd", "nightly")
              .build(),
          Node.node((Integer c) -> c - 1)
              .inputs("c")
              .output("d")
              .name("tagged_only")
              .tags("requires_classic_spark")
              .build(),
          Node.node((Integer d) -> d)
              .inputs("d")
              .output("e")
              .name("custom_reason")
              .tags("requires_classic_spark.graphx_library")
              .build());

  @Test
  void findsEveryTaggedNodeWithItsReasonInRunOrder() {
    assertThat(ClassicSparkCheck.requirements(PIPELINE))
        .extracting(Requirement::node)
        .containsExactly("with_rdd", "tagged_only", "custom_reason");
    assertThat(ClassicSparkCheck.requirements(PIPELINE))
        .extracting(Requirement::reason)
        .containsExactly(
            "it uses RDDs, which Spark Connect does not have",
            "it is tagged requires_classic_spark",
            "graphx library");
  }

  @Test
  void aClassicSessionRunsTaggedNodes() {
    assertThatCode(() -> ClassicSparkCheck.check(PIPELINE, false)).doesNotThrowAnyException();
  }

  @Test
  void overConnectAPipelineWithoutTaggedNodesRuns() {
    Pipeline plain = PIPELINE.onlyNodes("plain");
    assertThatCode(() -> ClassicSparkCheck.check(plain, true)).doesNotThrowAnyException();
  }

  @Test
  void overConnectTaggedNodesAreRefusedByNameAndReason() {
    assertThatThrownBy(() -> ClassicSparkCheck.check(PIPELINE, true))
        .isInstanceOf(ClassicSparkRequiredException.class)
        .hasMessageContaining("node 'with_rdd' needs classic Spark because it uses RDDs")
        .hasMessageContaining("node 'tagged_only'")
        .hasMessageContaining("node 'custom_reason' needs classic Spark because graphx library")
        .hasMessageContaining("Nothing was computed")
        .hasMessageNotContaining("'plain'");
  }
}
