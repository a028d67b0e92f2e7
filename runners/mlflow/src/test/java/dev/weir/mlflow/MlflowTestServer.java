package dev.weir.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlflow.api.proto.Service;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * A loopback stand-in for an MLflow tracking server, which cannot run here (it needs Python). Its
 * contract comes from the MLflow Java client's own request classes: every request body is parsed
 * with {@code org.mlflow.api.proto.Service.*} builders and the client's shaded {@code JsonFormat},
 * and every answer is printed from the matching {@code *.Response} class.
 *
 * <p>It answers as a real MLflow tracking server (2.17.2 and a 3.x build, SQLite backend, artifacts
 * proxied) was observed to answer; where each rule lives in MLflow's source:
 *
 * <ul>
 *   <li>Keys ({@link MlflowServerRules#keyProblem}): mlflow/utils/validation.py {@code
 *       _validate_metric_name}, {@code _validate_param_name}, {@code _validate_tag_name} ({@code
 *       ^[/\w.\- :]*$} with Python's {@code \w}, so combining marks, U+203F and U+200D are
 *       refused), {@code path_not_unique} ({@code ..foo}, {@code ...}, {@code a//b}, {@code /a}
 *       refused), {@code MAX_ENTITY_KEY_LENGTH} 250: 400 INVALID_PARAMETER_VALUE, the whole batch
 *       refused.
 *   <li>Param values over 6,000 and tag values over 8,000 characters are cut, answer 200:
 *       validation.py {@code _validate_param} / {@code _validate_tag} with {@code
 *       _validate_length_limit(truncate=True)} ({@code MLFLOW_TRUNCATE_LONG_VALUES} on by default).
 *   <li>Params are write-once: mlflow/store/tracking/sqlalchemy_store.py {@code log_param} / {@code
 *       _log_params} ("Changing param values is not allowed"); duplicate keys in one batch:
 *       validation.py {@code _validate_param_keys_unique}.
 *   <li>{@code log-batch} limits: validation.py {@code _validate_batch_log_limits} (1,000 metrics,
 *       100 params, 100 tags, 1,000 entities) and {@code _validate_batch_log_api_req} (1 MB).
 *   <li>Metrics: a negative timestamp is refused (validation.py {@code _validate_metric});
 *       ±Infinity is stored as ±1.7976931348623157e308 and NaN is kept, reading back as {@code
 *       "NaN"} (sqlalchemy_store.py {@code _get_metric_value_details}); {@code runs/get} returns
 *       only the latest value per key, by (step, timestamp, value) ({@code latest_metrics}, {@code
 *       _update_latest_metrics_if_necessary}).
 *   <li>{@code runs/create} adds the {@code mlflow.runName} tag (sqlalchemy_store.py {@code
 *       create_run}) and refuses a deleted experiment with 400 ({@code
 *       _check_experiment_is_active}); {@code experiments/create} refuses any existing name,
 *       deleted or not, with 400 RESOURCE_ALREADY_EXISTS; {@code experiments/get-by-name} returns a
 *       deleted experiment with {@code lifecycle_stage} {@code deleted}; a missing one is 404.
 *   <li>{@code experiments/search} with {@code filter: name = '<name>'} and {@code view_type}
 *       (mlflow/server/handlers.py {@code _search_experiments}, search_utils.py {@code
 *       SearchExperimentsUtils}); ACTIVE_ONLY by default.
 *   <li>Unknown JSON fields are ignored (mlflow/server/handlers.py {@code _get_request_message}
 *       parses with {@code ignore_unknown_fields}).
 * </ul>
 *
 * <p>Endpoints: {@code experiments/get-by-name}, {@code experiments/search}, {@code
 * experiments/create}, {@code runs/create}, {@code runs/log-batch}, {@code runs/update}, {@code
 * runs/log-metric}, {@code runs/log-parameter}, {@code runs/set-tag}, {@code runs/get}, and the
 * artifact proxy's PUT {@code /api/2.0/mlflow-artifacts/artifacts/<path>}. {@link #hang()} makes
 * every request wait (a server that does not answer); {@link #failWith(int)} makes every request
 * fail; {@link #deleteExperiment(String)} deletes an experiment as {@code mlflow experiments
 * delete} does.
 */
final class MlflowTestServer implements AutoCloseable {
  /** The one filter {@code experiments/search} understands here: {@code name = '<name>'}. */
  private static final Pattern NAME_FILTER = Pattern.compile("name\\s*=\\s*(['\"])(.*)\\1");

  /** One request as received. */
  record Request(String method, String path, String body, String authorization) {}

  /** A run's state on the server. */
  static final class RunState {
    final Service.RunInfo.Builder info;
    final Map<String, String> params = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, String> tags = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<Service.Metric> metrics = new CopyOnWriteArrayList<>();

    RunState(Service.RunInfo.Builder info) {
      this.info = info;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final List<Service.LogBatch> batches = new CopyOnWriteArrayList<>();
  final Map<String, String> experiments = Collections.synchronizedMap(new LinkedHashMap<>());
  final java.util.Set<String> deletedExperiments =
      Collections.synchronizedSet(new java.util.HashSet<>());
  final Map<String, RunState> runs = Collections.synchronizedMap(new LinkedHashMap<>());
  final Map<String, byte[]> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile boolean hang;

  /** Where runs' artifacts live; {@code mlflow-artifacts:/} when the server proxies them. */
  volatile String artifactRoot = "mlflow-artifacts:/";

  private volatile int failStatus;
  private volatile String failPathEnd = "";
  private volatile int failPathStatus;
  private final java.util.concurrent.atomic.AtomicInteger failPathTimes =
      new java.util.concurrent.atomic.AtomicInteger();

  MlflowTestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every later request waits until {@link #close()}. */
  void hang() {
    hang = true;
  }

  /** Every later request fails with this HTTP status. */
  void failWith(int status) {
    failStatus = status;
  }

  /**
   * The next {@code times} requests whose path ends with {@code pathEnd} fail with {@code status}
   * (the Java client makes three attempts per call).
   */
  void failRequests(String pathEnd, int status, int times) {
    failPathEnd = pathEnd;
    failPathStatus = status;
    failPathTimes.set(times);
  }

  /** Marks the experiment deleted, as {@code mlflow experiments delete} does. */
  void deleteExperiment(String name) {
    deletedExperiments.add(experiments.get(name));
  }

  RunState onlyRun() {
    if (runs.size() != 1) {
      throw new AssertionError("expected one run on the server, found " + runs.keySet());
    }
    return runs.values().iterator().next();
  }

  List<Request> requests(String pathEnd) {
    return requests.stream().filter(r -> r.path().endsWith(pathEnd)).toList();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] raw = ex.getRequestBody().readAllBytes();
      String body = new String(raw, StandardCharsets.UTF_8);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String path = ex.getRequestURI().getRawPath();
      requests.add(new Request(ex.getRequestMethod(), path, body, auth == null ? "" : auth));
      if (hang) {
        released.await(120, TimeUnit.SECONDS);
        return;
      }
      if (!failPathEnd.isEmpty()
          && path.endsWith(failPathEnd)
          && failPathTimes.getAndDecrement() > 0) {
        send(
            ex,
            failPathStatus,
            "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"refused\"}");
        return;
      }
      if (failStatus != 0) {
        send(ex, failStatus, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"test failure\"}");
        return;
      }
      try {
        route(ex, path, body, raw);
      } catch (MlflowError e) {
        send(
            ex,
            e.status,
            "{\"error_code\":\""
                + e.code
                + "\",\"message\":"
                + quote(Objects.requireNonNull(e.getMessage()))
                + "}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void route(HttpExchange ex, String path, String body, byte[] raw) throws IOException {
    if (path.startsWith("/api/2.0/mlflow-artifacts/artifacts/")
        && ex.getRequestMethod().equals("PUT")) {
      String rel =
          URLDecoder.decode(
              path.substring("/api/2.0/mlflow-artifacts/artifacts/".length()),
              StandardCharsets.UTF_8);
      artifacts.put(rel, raw);
      send(ex, 200, "{}");
      return;
    }
    String api = path.replaceFirst("^/api/2\\.0/mlflow/", "");
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    switch (ex.getRequestMethod() + " " + api) {
      case "GET experiments/get-by-name" -> {
        Service.GetExperimentByName req =
            Service.GetExperimentByName.newBuilder()
                .setExperimentName(query.getOrDefault("experiment_name", ""))
                .build();
        String id = experiments.get(req.getExperimentName());
        if (id == null) {
          throw new MlflowError(
              404,
              "RESOURCE_DOES_NOT_EXIST",
              "Could not find experiment with name '" + req.getExperimentName() + "'");
        }
        send(
            ex,
            Service.GetExperimentByName.Response.newBuilder()
                .setExperiment(experiment(req.getExperimentName(), id))
                .build());
      }
      case "POST experiments/search" -> {
        Service.SearchExperiments req = parse(body, Service.SearchExperiments.newBuilder());
        Matcher byName = NAME_FILTER.matcher(req.getFilter());
        if (!req.getFilter().isEmpty() && !byName.matches()) {
          throw new MlflowError(
              400,
              "INVALID_PARAMETER_VALUE",
              "Unsupported filter in this test server: " + req.getFilter());
        }
        Service.ViewType view =
            req.hasViewType() ? req.getViewType() : Service.ViewType.ACTIVE_ONLY;
        Service.SearchExperiments.Response.Builder res =
            Service.SearchExperiments.Response.newBuilder();
        synchronized (experiments) {
          experiments.forEach(
              (name, id) -> {
                boolean deleted = deletedExperiments.contains(id);
                boolean shown =
                    view == Service.ViewType.ALL
                        || (view == Service.ViewType.DELETED_ONLY) == deleted;
                if (shown && (req.getFilter().isEmpty() || byName.group(2).equals(name))) {
                  res.addExperiments(experiment(name, id));
                }
              });
        }
        send(ex, res.build());
      }
      case "POST experiments/create" -> {
        Service.CreateExperiment req = parse(body, Service.CreateExperiment.newBuilder());
        if (req.getName().isEmpty()) {
          throw new MlflowError(
              400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'");
        }
        if (experiments.containsKey(req.getName())) {
          throw new MlflowError(
              400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + req.getName() + "' already exists.");
        }
        String id = String.valueOf(experiments.size() + 1);
        experiments.put(req.getName(), id);
        send(ex, Service.CreateExperiment.Response.newBuilder().setExperimentId(id).build());
      }
      case "POST runs/create" -> {
        Service.CreateRun req = parse(body, Service.CreateRun.newBuilder());
        if (!experiments.containsValue(req.getExperimentId())) {
          throw new MlflowError(
              404,
              "RESOURCE_DOES_NOT_EXIST",
              "No Experiment with id=" + req.getExperimentId() + " exists");
        }
        if (deletedExperiments.contains(req.getExperimentId())) {
          throw new MlflowError(
              400,
              "INVALID_PARAMETER_VALUE",
              "The experiment "
                  + req.getExperimentId()
                  + " must be in the 'active' state. Current state is deleted.");
        }
        String runId = UUID.randomUUID().toString().replace("-", "");
        Service.RunInfo.Builder info =
            Service.RunInfo.newBuilder()
                .setRunId(runId)
                .setRunUuid(runId)
                .setRunName(req.getRunName())
                .setExperimentId(req.getExperimentId())
                .setUserId(req.getUserId())
                .setStatus(Service.RunStatus.RUNNING)
                .setStartTime(req.getStartTime())
                .setArtifactUri(artifactRoot + req.getExperimentId() + "/" + runId + "/artifacts")
                .setLifecycleStage("active");
        RunState run = new RunState(info);
        for (Service.RunTag t : req.getTagsList()) {
          run.tags.put(t.getKey(), checkTag(t.getKey(), t.getValue()));
        }
        String runName =
            req.getRunName().isEmpty() ? run.tags.get("mlflow.runName") : req.getRunName();
        if (runName == null) {
          runName = "test-run-" + runId.substring(0, 6);
        }
        info.setRunName(runName);
        run.tags.putIfAbsent("mlflow.runName", runName);
        runs.put(runId, run);
        send(
            ex,
            Service.CreateRun.Response.newBuilder()
                .setRun(Service.Run.newBuilder().setInfo(info))
                .build());
      }
      case "POST runs/log-batch" -> {
        if (body.getBytes(StandardCharsets.UTF_8).length > 1_000_000) {
          throw new MlflowError(
              400,
              "INVALID_PARAMETER_VALUE",
              "Batched logging API requests must be at most 1000000 bytes");
        }
        Service.LogBatch req = parse(body, Service.LogBatch.newBuilder());
        RunState run = run(req.getRunId());
        int m = req.getMetricsCount(), p = req.getParamsCount(), t = req.getTagsCount();
        if (m > 1000 || p > 100 || t > 100 || m + p + t > 1000) {
          throw new MlflowError(
              400,
              "INVALID_PARAMETER_VALUE",
              "A batch logging request can contain at most 1000 metrics, 100 params, 100 tags and 1000 entities; got "
                  + m
                  + ", "
                  + p
                  + ", "
                  + t);
        }
        List<String> keys = new ArrayList<>();
        for (Service.Param x : req.getParamsList()) {
          if (keys.contains(x.getKey())) {
            throw new MlflowError(
                400,
                "INVALID_PARAMETER_VALUE",
                "Duplicate parameter keys have been submitted: " + x.getKey());
          }
          keys.add(x.getKey());
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        List<Service.Metric> metrics = new ArrayList<>();
        req.getParamsList()
            .forEach(x -> params.put(x.getKey(), checkParam(run, x.getKey(), x.getValue())));
        req.getMetricsList().forEach(x -> metrics.add(checkMetric(x)));
        req.getTagsList().forEach(x -> tags.put(x.getKey(), checkTag(x.getKey(), x.getValue())));
        run.params.putAll(params);
        run.metrics.addAll(metrics);
        run.tags.putAll(tags);
        batches.add(req);
        send(ex, Service.LogBatch.Response.getDefaultInstance());
      }
      case "POST runs/log-metric" -> {
        Service.LogMetric req = parse(body, Service.LogMetric.newBuilder());
        Service.Metric metric =
            Service.Metric.newBuilder()
                .setKey(req.getKey())
                .setValue(req.getValue())
                .setTimestamp(req.getTimestamp())
                .setStep(req.getStep())
                .build();
        run(req.getRunId()).metrics.add(checkMetric(metric));
        send(ex, Service.LogMetric.Response.getDefaultInstance());
      }
      case "POST runs/log-parameter" -> {
        Service.LogParam req = parse(body, Service.LogParam.newBuilder());
        RunState run = run(req.getRunId());
        run.params.put(req.getKey(), checkParam(run, req.getKey(), req.getValue()));
        send(ex, Service.LogParam.Response.getDefaultInstance());
      }
      case "POST runs/set-tag" -> {
        Service.SetTag req = parse(body, Service.SetTag.newBuilder());
        run(req.getRunId()).tags.put(req.getKey(), checkTag(req.getKey(), req.getValue()));
        send(ex, Service.SetTag.Response.getDefaultInstance());
      }
      case "POST runs/update" -> {
        Service.UpdateRun req = parse(body, Service.UpdateRun.newBuilder());
        RunState run = run(req.getRunId());
        run.info.setStatus(req.getStatus()).setEndTime(req.getEndTime());
        send(ex, Service.UpdateRun.Response.newBuilder().setRunInfo(run.info).build());
      }
      case "GET runs/get" -> {
        RunState run = run(query.getOrDefault("run_id", ""));
        Service.RunData.Builder data =
            Service.RunData.newBuilder().addAllMetrics(latest(run.metrics));
        run.params.forEach(
            (k, v) -> data.addParams(Service.Param.newBuilder().setKey(k).setValue(v)));
        run.tags.forEach((k, v) -> data.addTags(Service.RunTag.newBuilder().setKey(k).setValue(v)));
        send(
            ex,
            Service.GetRun.Response.newBuilder()
                .setRun(Service.Run.newBuilder().setInfo(run.info).setData(data))
                .build());
      }
      default ->
          throw new MlflowError(
              404, "ENDPOINT_NOT_FOUND", "No endpoint " + ex.getRequestMethod() + " " + path);
    }
  }

  private RunState run(String runId) {
    RunState run = runs.get(runId);
    if (run == null) {
      throw new MlflowError(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + runId + "' not found");
    }
    return run;
  }

  private static void checkKey(String what, String key) {
    String problem = MlflowServerRules.keyProblem(key);
    if (problem != null) {
      throw new MlflowError(
          400, "INVALID_PARAMETER_VALUE", "Invalid " + what + " name: '" + key + "'. " + problem);
    }
  }

  /**
   * @return the value as stored: cut to 6,000 characters
   */
  private static String checkParam(RunState run, String key, String value) {
    checkKey("parameter", key);
    String stored = MlflowServerRules.truncate(value, MlflowServerRules.MAX_PARAM_VALUE);
    String earlier = run.params.get(key);
    if (earlier != null && !earlier.equals(stored)) {
      throw new MlflowError(
          400,
          "INVALID_PARAMETER_VALUE",
          "Changing param values is not allowed. Param with key='"
              + key
              + "' was already logged with value='"
              + earlier
              + "' for run ID='"
              + run.info.getRunId()
              + "'. Attempted logging new value '"
              + stored
              + "'.");
    }
    return stored;
  }

  /**
   * @return the value as stored: cut to 8,000 characters
   */
  private static String checkTag(String key, String value) {
    checkKey("tag", key);
    return MlflowServerRules.truncate(value, MlflowServerRules.MAX_TAG_VALUE);
  }

  /**
   * @return the metric as stored: ±Infinity as ±1.7976931348623157e308
   */
  private static Service.Metric checkMetric(Service.Metric m) {
    checkKey("metric", m.getKey());
    if (!m.hasValue() || !m.hasTimestamp()) {
      throw new MlflowError(
          400,
          "INVALID_PARAMETER_VALUE",
          "Metric '" + m.getKey() + "' needs a value and a timestamp");
    }
    if (m.getTimestamp() < 0) {
      throw new MlflowError(
          400,
          "INVALID_PARAMETER_VALUE",
          "Got invalid timestamp "
              + m.getTimestamp()
              + " for metric '"
              + m.getKey()
              + "' (value="
              + m.getValue()
              + "). Timestamp must be a nonnegative long (64-bit integer) ");
    }
    return m.toBuilder().setValue(MlflowServerRules.stored(m.getValue())).build();
  }

  /** The latest value per key by (step, timestamp, value), as {@code latest_metrics} keeps it. */
  private static List<Service.Metric> latest(List<Service.Metric> all) {
    Map<String, Service.Metric> out = new LinkedHashMap<>();
    for (Service.Metric m : all) {
      out.merge(
          m.getKey(),
          m,
          (a, b) -> {
            int c = Long.compare(b.getStep(), a.getStep());
            if (c == 0) {
              c = Long.compare(b.getTimestamp(), a.getTimestamp());
            }
            if (c == 0) {
              c = Double.compare(b.getValue(), a.getValue());
            }
            return c > 0 ? b : a;
          });
    }
    return List.copyOf(out.values());
  }

  private Service.Experiment experiment(String name, String id) {
    return Service.Experiment.newBuilder()
        .setExperimentId(id)
        .setName(name)
        .setArtifactLocation("mlflow-artifacts:/" + id)
        .setLifecycleStage(deletedExperiments.contains(id) ? "deleted" : "active")
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T parse(String body, Message.Builder builder) {
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(body, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new MlflowError(400, "MALFORMED_REQUEST", "Malformed request: " + e.getMessage());
    }
    return (T) builder.build();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static void send(HttpExchange ex, Message response) throws IOException {
    send(ex, 200, JsonFormat.printer().print(response));
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final class MlflowError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    MlflowError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
