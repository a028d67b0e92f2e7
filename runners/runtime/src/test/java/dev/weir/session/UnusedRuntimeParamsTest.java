package dev.weir.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runtime parameters count as read: node inputs, parent and child keys, interpolation. */
class UnusedRuntimeParamsTest {
  @TempDir Path conf;

  private static final Map<String, Object> PARAMETERS =
      Map.of("model_options", Map.of("test_size", 0.2, "random_state", 3), "greeting", "hello");

  private static Pipeline reading(String... inputs) {
    return Pipeline.of(
        Node.node((Object a) -> a).inputs(inputs[0]).output("out").name("n").build());
  }

  @Test
  void aTopLevelTypoIsReportedWithTheClosestKey() {
    List<String> found =
        UnusedRuntimeParams.find(
            Map.of("modeloptions", Map.of("test_size", 0.3)),
            PARAMETERS,
            List.of(reading("params:model_options")),
            conf);

    assertThat(found).hasSize(1);
    assertThat(found.get(0))
        .contains("'modeloptions.test_size'")
        .contains("Did you mean: model_options.test_size");
  }

  @Test
  void parentAndChildKeysOfAReadParameterCountAsRead() {
    assertThat(
            UnusedRuntimeParams.find(
                Map.of("model_options", Map.of("test_size", 0.3)),
                PARAMETERS,
                List.of(reading("params:model_options")),
                conf))
        .isEmpty();
    assertThat(
            UnusedRuntimeParams.find(
                Map.of("model_options", Map.of("test_size", 0.3)),
                PARAMETERS,
                List.of(reading("params:model_options.test_size.x")),
                conf))
        .isEmpty();
  }

  @Test
  void aNodeReadingEveryParameterOrAnInterpolationCountsAsRead() {
    Map<String, Object> runtime = Map.of("bucket", "s3://b");
    assertThat(UnusedRuntimeParams.find(runtime, PARAMETERS, List.of(reading("parameters")), conf))
        .isEmpty();

    TestProject.write(
        conf.resolve("base/catalog.yml"), "x:\n  filepath: ${runtime_params:bucket}/x.csv\n");
    assertThat(UnusedRuntimeParams.find(runtime, PARAMETERS, List.of(reading("params:g")), conf))
        .isEmpty();
  }
}
