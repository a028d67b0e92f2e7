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
import java.util.regex.Pattern;
import org.mlflow.api.proto.Service;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * A loopback stand-in for an MLflow tracking server, which cannot run here (it needs Python). Its
 * contract comes from the MLflow Java client's own request classes: every request body is parsed
 * with {@code org.mlflow.api.proto.Service.*} builders and the client's shaded {@code
 * JsonFormat.parser()} (strict: a field the protocol does not know fails the request), and every
 * answer is printed from the matching {@code *.Response} class. It applies the server rules of
 * mlflow/utils/validation.py and the SQL store that the tests rely on: params are write-once, keys
 * match {@code ^[/\w.\- :]*$} with at most 250 characters, param values at most 6,000 and tag
 * values 8,000 characters, {@code log-batch} at most 1,000 metrics, 100 params, 100 tags, 1,000
 * entities and 1 MB, NaN metric values accepted and stored as NaN.
 *
 * <p>Endpoints: {@code experiments/get-by-name}, {@code experiments/create}, {@code runs/create},
 * {@code runs/log-batch}, {@code runs/update}, {@code runs/log-metric}, {@code runs/log-parameter},
 * {@code runs/set-tag}, {@code runs/get}, and the artifact proxy's PUT {@code
 * /api/2.0/mlflow-artifacts/artifacts/<path>}. {@link #hang()} makes every request wait (a server
 * that does not answer); {@link #failWith(int)} makes every request fail.
 */
final class MlflowTestServer implements AutoCloseable {
  private static final Pattern KEY =
      Pattern.compile("^[/\\w.\\- :]*$", Pattern.UNICODE_CHARACTER_CLASS);

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
  final Map<String, RunState> runs = Collections.synchronizedMap(new LinkedHashMap<>());
  final Map<String, byte[]> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile boolean hang;

  /** Where runs' artifacts live; {@code mlflow-artifacts:/} when the server proxies them. */
  volatile String artifactRoot = "mlflow-artifacts:/";

  private volatile int failStatus;

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
              404, "RESOURCE_DOES_NOT_EXIST", "No experiment " + req.getExperimentId());
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
          checkTag(t.getKey(), t.getValue());
          run.tags.put(t.getKey(), t.getValue());
        }
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
          checkParam(run, x.getKey(), x.getValue());
        }
        req.getMetricsList().forEach(x -> checkMetric(x));
        req.getTagsList().forEach(x -> checkTag(x.getKey(), x.getValue()));
        req.getParamsList().forEach(x -> run.params.put(x.getKey(), x.getValue()));
        run.metrics.addAll(req.getMetricsList());
        req.getTagsList().forEach(x -> run.tags.put(x.getKey(), x.getValue()));
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
        checkMetric(metric);
        run(req.getRunId()).metrics.add(metric);
        send(ex, Service.LogMetric.Response.getDefaultInstance());
      }
      case "POST runs/log-parameter" -> {
        Service.LogParam req = parse(body, Service.LogParam.newBuilder());
        RunState run = run(req.getRunId());
        checkParam(run, req.getKey(), req.getValue());
        run.params.put(req.getKey(), req.getValue());
        send(ex, Service.LogParam.Response.getDefaultInstance());
      }
      case "POST runs/set-tag" -> {
        Service.SetTag req = parse(body, Service.SetTag.newBuilder());
        checkTag(req.getKey(), req.getValue());
        run(req.getRunId()).tags.put(req.getKey(), req.getValue());
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
        Service.RunData.Builder data = Service.RunData.newBuilder().addAllMetrics(run.metrics);
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
    if (key.isEmpty() || key.length() > 250 || !KEY.matcher(key).matches()) {
      throw new MlflowError(
          400, "INVALID_PARAMETER_VALUE", "Invalid " + what + " name: '" + key + "'");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new MlflowError(
            400,
            "INVALID_PARAMETER_VALUE",
            "Invalid " + what + " name: '" + key + "' (not a normal path)");
      }
    }
  }

  private static void checkParam(RunState run, String key, String value) {
    checkKey("parameter", key);
    if (value.length() > 6000) {
      throw new MlflowError(
          400,
          "INVALID_PARAMETER_VALUE",
          "Param value '"
              + key
              + "' had length "
              + value.length()
              + ", which exceeded length limit of 6000");
    }
    String earlier = run.params.get(key);
    if (earlier != null && !earlier.equals(value)) {
      throw new MlflowError(
          400,
          "INVALID_PARAMETER_VALUE",
          "Changing param values is not allowed. Param with key='"
              + key
              + "' was already logged with value='"
              + earlier
              + "'");
    }
  }

  private static void checkTag(String key, String value) {
    checkKey("tag", key);
    if (value.length() > 8000) {
      throw new MlflowError(
          400, "INVALID_PARAMETER_VALUE", "Tag value '" + key + "' exceeded length limit of 8000");
    }
  }

  private static void checkMetric(Service.Metric m) {
    checkKey("metric", m.getKey());
    if (!m.hasValue() || !m.hasTimestamp()) {
      throw new MlflowError(
          400,
          "INVALID_PARAMETER_VALUE",
          "Metric '" + m.getKey() + "' needs a value and a timestamp");
    }
  }

  private static Service.Experiment experiment(String name, String id) {
    return Service.Experiment.newBuilder()
        .setExperimentId(id)
        .setName(name)
        .setArtifactLocation("mlflow-artifacts:/" + id)
        .setLifecycleStage("active")
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T parse(String body, Message.Builder builder) {
    try {
      JsonFormat.parser().merge(body, builder);
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
