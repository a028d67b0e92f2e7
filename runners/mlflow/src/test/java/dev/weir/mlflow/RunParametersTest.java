package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunParametersTest {
  private static final Map<String, Object> PARAMETERS =
      Map.of(
          "model_options",
          Map.of("test_size", 0.2, "random_state", 3, "features", List.of("engines", "crew")),
          "learning_rate",
          0.1,
          "unused",
          "x",
          "data_science",
          Map.of("alpha", 1));

  private static Node node(String name, String... inputs) {
    return Node.node((Map<String, Object> in) -> in)
        .inputs(inputs)
        .output(name + "_out")
        .name(name)
        .build();
  }

  @Test
  void onlyTheParametersTheNodesReadAreUsed() {
    Pipeline p =
        Pipeline.of(
            Node.node((Object a, Object b) -> a)
                .inputs("data", "params:model_options")
                .output("split")
                .name("split")
                .build(),
            Node.node((Object a, Object b) -> a)
                .inputs("split", "params:learning_rate")
                .output("model")
                .name("train")
                .build(),
            Node.node((Object a) -> a)
                .inputs("params:data_science.alpha")
                .output("ds")
                .name("ns")
                .build());
    Map<String, Object> used = RunParameters.used(p, PARAMETERS);
    assertThat(used.keySet())
        .containsExactlyInAnyOrder("model_options", "learning_rate", "data_science.alpha");
    assertThat(used.get("data_science.alpha")).isEqualTo(1);
  }

  @Test
  void parametersInputMeansAll() {
    Pipeline p =
        Pipeline.of(
            Node.node((Object a) -> a).inputs("parameters").output("o").name("all").build());
    assertThat(RunParameters.used(p, PARAMETERS).keySet())
        .containsExactlyInAnyOrder("model_options", "learning_rate", "unused", "data_science");
  }

  @Test
  void nestedValuesAreFlattenedWithDots() {
    Map<String, Object> used = new LinkedHashMap<>();
    used.put(
        "model_options",
        new LinkedHashMap<>(
            Map.of(
                "test_size",
                0.2,
                "features",
                List.of("engines", "crew"),
                "extra",
                Map.of("deep", true))));
    used.put("nothing", null);
    RunParameters.Plan plan = RunParameters.plan(used, true, LongValueStrategy.TRUNCATE);
    assertThat(plan.params())
        .containsEntry("model_options.test_size", "0.2")
        .containsEntry("model_options.features", "[\"engines\",\"crew\"]")
        .containsEntry("model_options.extra.deep", "true")
        .containsEntry("nothing", "")
        .hasSize(4);
    assertThat(
            RunParameters.plan(used, false, LongValueStrategy.TRUNCATE)
                .params()
                .get("model_options"))
        .startsWith("{")
        .contains("\"test_size\":0.2");
  }

  @Test
  void longValuesFollowTheStrategy() {
    Map<String, Object> used =
        Map.of("big", "x".repeat(7000), "huge", "y".repeat(9000), "small", "s");
    RunParameters.Plan truncated = RunParameters.plan(used, true, LongValueStrategy.TRUNCATE);
    assertThat(truncated.params().get("big")).hasSize(6000);
    assertThat(truncated.notes()).anyMatch(n -> n.contains("'big' cut to 6000"));
    RunParameters.Plan tagged = RunParameters.plan(used, true, LongValueStrategy.TAG);
    assertThat(tagged.params()).containsOnlyKeys("small");
    assertThat(tagged.tags().get("big")).hasSize(7000);
    assertThat(tagged.tags().get("huge")).hasSize(8000);
    assertThatThrownBy(
            () -> RunParameters.plan(Map.of("big", "x".repeat(7000)), true, LongValueStrategy.FAIL))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'big'")
        .hasMessageContaining("7000 characters")
        .hasMessageContaining("long_value_strategy");
  }

  @Test
  void keysAreFittedToMlflowsRules() {
    String longKey = "k".repeat(300);
    Map<String, Object> used = new LinkedHashMap<>();
    used.put("weird(key)", 1);
    used.put(longKey, 2);
    used.put(longKey + "z", 3);
    RunParameters.Plan plan = RunParameters.plan(used, true, LongValueStrategy.TRUNCATE);
    assertThat(plan.params()).containsEntry("weird_key_", "1");
    List<String> cut = plan.params().keySet().stream().filter(k -> k.startsWith("kkk")).toList();
    assertThat(cut).hasSize(2).allMatch(k -> k.length() == 250).doesNotHaveDuplicates();
    assertThat(plan.notes()).anyMatch(n -> n.contains("'weird(key)' logged as 'weird_key_'"));
  }
}
