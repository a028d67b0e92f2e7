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
    assertThatThrownBy(() -> client.logParam(runId, "long", "x".repeat(6001)))
        .isInstanceOf(MlflowHttpException.class);
    client.setTag(runId, "ok/key.with-chars: fine", "v");
    assertThat(server.onlyRun().tags).containsKey("ok/key.with-chars: fine");
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
