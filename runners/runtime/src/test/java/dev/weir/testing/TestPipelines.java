package dev.weir.testing;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pipelines of the tiny test project ({@link TestProject}), registered in test {@code
 * META-INF/services/dev.weir.pipeline.PipelineRegistry}.
 *
 * <pre>
 * data_processing: raw --clean--> cleaned (memory) --summarize(+params:greeting)--> summary
 * reporting:       summary --reports.report--> final_report (factory "{name}_report")
 * __default__:     data_processing + reporting
 * broken:          raw --stage--> staged (persisted) --explode--> never (throws)
 * missing:         not_in_catalog --needs_missing--> whatever
 * typed:           raw, params:options (record) --typed--> typed_out
 * slow:            raw --stage--> staged (persisted) --wait_for_signal--> waited (sleeps 120 s)
 * spark_copy, spark_udf: {@link SparkTestPipelines}, when Spark is on the class path
 * </pre>
 */
public final class TestPipelines implements PipelineRegistry {

  /** Parameters bound to a record. */
  public record Options(int repeat) {}

  static String repeat(String raw, Options options) {
    return raw.trim().repeat(options.repeat());
  }

  static Pipeline dataProcessing() {
    return Pipeline.of(
        Node.node((String raw) -> raw.trim().toUpperCase(java.util.Locale.ROOT))
            .inputs("raw")
            .output("cleaned")
            .name("clean")
            .tags("prep")
            .build(),
        Node.node((String cleaned, String greeting) -> greeting + " " + cleaned)
            .inputs("cleaned", "params:greeting")
            .output("summary")
            .name("summarize")
            .tags("summary")
            .build());
  }

  static Pipeline reporting() {
    return Pipeline.of(
        Node.node((String summary) -> "report: " + summary)
            .inputs("summary")
            .output("final_report")
            .name("report")
            .namespace("reports")
            .build());
  }

  @Override
  public Map<String, Pipeline> registerPipelines() {
    Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    pipelines.put("data_processing", dataProcessing());
    pipelines.put("reporting", reporting());
    pipelines.put(DEFAULT, dataProcessing().plus(reporting()));
    Pipeline broken =
        Pipeline.of(
            Node.node((String raw) -> raw.trim())
                .inputs("raw")
                .output("staged")
                .name("stage")
                .build(),
            Node.node(
                    (String staged) -> {
                      throw new IllegalStateException("explode always fails");
                    })
                .inputs("staged")
                .output("never")
                .name("explode")
                .build());
    pipelines.put("broken", broken);
    pipelines.put(
        "missing",
        Pipeline.of(
            Node.node((String x) -> x)
                .inputs("not_in_catalog")
                .output("whatever")
                .name("needs_missing")
                .build()));
    pipelines.put(
        "typed",
        Pipeline.of(
            Node.node(TestPipelines::repeat)
                .inputs("raw", "params:options")
                .output("typed_out")
                .name("typed")
                .build()));
    Node stage = broken.node("stage").orElseThrow();
    pipelines.put(
        "slow",
        Pipeline.of(
            stage,
            Node.node(
                    (String staged) -> {
                      try {
                        Thread.sleep(120_000);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return staged;
                    })
                .inputs("staged")
                .output("waited")
                .name("wait_for_signal")
                .build()));
    if (sparkPresent()) {
      pipelines.putAll(SparkTestPipelines.pipelines());
    }
    return pipelines;
  }

  private static boolean sparkPresent() {
    try {
      Class.forName(
          "org.apache.spark.sql.SparkSession", false, TestPipelines.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
