package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

/** The stand-in server applies MLflow's rules to what the real MLflow Java client sends. */
class MlflowTestServerTest {
  private MlflowTestServer server;
  private MlflowClient client;
  private String runId;

  @BeforeEach
  void start() throws Exception {
    server = new MlflowTestServer();
    client = new MlflowClient(server.uri());
    String exp = client.createExperiment("rules");
    runId = client.createRun(exp).getRunId();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static List<Service.Param> params(int n) {
    List<Service.Param> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Service.Param.newBuilder().setKey("p" + i).setValue("v").build());
    }
    return out;
  }

  @Test
  void paramsAreWriteOnce() {
    client.logParam(runId, "alpha", "1");
    client.logParam(runId, "alpha", "1");
    assertThatThrownBy(() -> client.logParam(runId, "alpha", "2"))
        .isInstanceOf(MlflowHttpException.class)
        .hasMessageContaining("Changing param values is not allowed");
  }

  @Test
  void keysFollowMlflowsCharsetAndLength() {
    assertThatThrownBy(() -> client.setTag(runId, "bad(key)", "v"))
        .isInstanceOf(MlflowHttpException.class);
    assertThatThrownBy(() -> client.logMetric(runId, "k".repeat(251), 1.0))
        .isInstanceOf(MlflowHttpException.class);
    client.setTag(runId, "ok/key.with-chars: fine", "v");
    assertThat(server.onlyRun().tags).containsKey("ok/key.with-chars: fine");
  }

  /** validation.py: Python's \\w and path_not_unique, where Java's Unicode \\w says yes. */
  @Test
  void keysJavaWouldTakeButMlflowRefuses() {
    for (String key :
        List.of("cafe\u0301", "a\u203Fb", "a\u200Db", "..foo", "...", "a//b", "/a", "a/", "a/..")) {
      assertThatThrownBy(() -> client.setTag(runId, key, "v"))
          .as(key)
          .isInstanceOf(MlflowHttpException.class)
          .satisfies(e -> assertThat(((MlflowHttpException) e).getStatusCode()).isEqualTo(400));
    }
    client.setTag(runId, "caf\u00e9 \u00b2 \u6a21\u578b", "v");
  }

  @Test
  void longValuesAreCutAndAnswered200() {
    client.logParam(runId, "long", "x".repeat(6001));
    client.setTag(runId, "long", "y".repeat(8001));
    assertThat(server.onlyRun().params.get("long")).hasSize(6000);
    assertThat(server.onlyRun().tags.get("long")).hasSize(8000);
  }

  @Test
  void runsCreateAddsTheRunNameTag() {
    String exp = client.createExperiment("named");
    String named =
        client
            .createRun(
                Service.CreateRun.newBuilder().setExperimentId(exp).setRunName("nightly").build())
            .getRunId();
    assertThat(client.getRun(named).getData().getTagsList())
        .extracting(Service.RunTag::getKey, Service.RunTag::getValue)
        .contains(org.assertj.core.groups.Tuple.tuple("mlflow.runName", "nightly"));
  }

  @Test
  void runsGetReturnsTheLatestValuePerKey() {
    client.logMetric(runId, "m", 1.0, 100, 0);
    client.logMetric(runId, "m", 2.0, 50, 1);
    client.logMetric(runId, "m", 0.5, 200, 0);
    assertThat(client.getRun(runId).getData().getMetricsList())
        .singleElement()
        .satisfies(m -> assertThat(m.getValue()).isEqualTo(2.0));
  }

  @Test
  void infinityIsStoredAsTheLargestDoubleAndNanReadsBackAsNan() {
    client.logMetric(runId, "up", Double.POSITIVE_INFINITY);
    client.logMetric(runId, "down", Double.NEGATIVE_INFINITY);
    client.logMetric(runId, "bad", Double.NaN);
    assertThat(client.getRun(runId).getData().getMetricsList())
        .extracting(Service.Metric::getKey, Service.Metric::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("up", 1.7976931348623157e308),
            org.assertj.core.groups.Tuple.tuple("down", -1.7976931348623157e308));
    assertThat(client.sendGet("runs/get?run_id=" + runId)).contains("\"NaN\"");
  }

  @Test
  void negativeTimestampsAreRefused() {
    assertThatThrownBy(() -> client.logMetric(runId, "m", 1.0, -1, 0))
        .isInstanceOf(MlflowHttpException.class)
        .hasMessageContaining("nonnegative");
  }

  @Test
  void unknownJsonFieldsAreIgnored() {
    client.sendPost(
        "runs/set-tag",
        "{\"run_id\":\"" + runId + "\",\"key\":\"k\",\"value\":\"v\",\"from_the_future\":1}");
    assertThat(server.onlyRun().tags).containsEntry("k", "v");
  }

  @Test
  void aDeletedExperimentIsFoundAsDeletedAndRefusesRunsAndItsName() {
    server.deleteExperiment("rules");
    String id = server.experiments.get("rules");
    assertThat(client.getExperimentByName("rules").orElseThrow().getLifecycleStage())
        .isEqualTo("deleted");
    assertThat(client.searchExperiments("name = 'rules'").getItems()).isEmpty();
    assertThat(
            client
                .searchExperiments("name = 'rules'", Service.ViewType.ALL, 10, List.of())
                .getItems())
        .singleElement()
        .satisfies(e -> assertThat(e.getLifecycleStage()).isEqualTo("deleted"));
    assertThatThrownBy(() -> client.createRun(id))
        .isInstanceOf(MlflowHttpException.class)
        .hasMessageContaining("must be in the 'active' state");
    assertThatThrownBy(() -> client.createExperiment("rules"))
        .isInstanceOf(MlflowHttpException.class)
        .hasMessageContaining("RESOURCE_ALREADY_EXISTS");
  }

  @Test
  void batchesOverTheLimitsAreRefused() {
    assertThatThrownBy(() -> client.logBatch(runId, List.of(), params(101), List.of()))
        .isInstanceOf(MlflowHttpException.class)
        .hasMessageContaining("at most");
    client.logBatch(runId, List.of(), params(100), List.of());
    assertThat(server.onlyRun().params).hasSize(100);
  }

  @Test
  void nanMetricsAreStoredAsNan() {
    client.logMetric(runId, "score", Double.NaN);
    assertThat(client.getRun(runId).getData().getMetrics(0).getValue()).isNaN();
  }

  @Test
  void updateSetsTheStatus() {
    client.setTerminated(runId, Service.RunStatus.KILLED, 42);
    assertThat(client.getRun(runId).getInfo().getStatus()).isEqualTo(Service.RunStatus.KILLED);
    assertThat(client.getRun(runId).getInfo().getEndTime()).isEqualTo(42);
  }
}
