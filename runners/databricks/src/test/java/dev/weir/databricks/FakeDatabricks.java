package dev.weir.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.core.utils.SerDeUtils;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunOutput;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitRunResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the Databricks REST API, which cannot run here: a JDK HTTP server on loopback that
 * implements the four endpoints {@code weir databricks submit} uses (Files API upload, {@code
 * jobs/runs/submit}, {@code jobs/runs/get}, {@code jobs/runs/get-output}). Requests are parsed into
 * the SDK's own request classes and responses are the SDK's own model objects serialized with the
 * SDK's own mapper ({@link SerDeUtils#createMapper()}), so the wire format is the SDK's.
 */
final class FakeDatabricks implements AutoCloseable {
  static final long RUN_ID = 42;
  static final long TASK_RUN_ID = 43;
  static final String TOKEN = "dapi-test-token-never-printed";

  private final ObjectMapper mapper = SerDeUtils.createMapper();
  private final HttpServer server;
  private final List<Run> runs;
  private final AtomicInteger runsServed = new AtomicInteger();
  private final AtomicBoolean throttleNextSubmit = new AtomicBoolean();
  private final @org.jspecify.annotations.Nullable RunOutput output;

  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Long> uploads = new ConcurrentHashMap<>();
  final List<SubmitRun> submitted = Collections.synchronizedList(new ArrayList<>());
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param runs what {@code runs/get} answers, one per call; the last one repeats
   * @param output what {@code runs/get-output} answers, or null for 404
   */
  FakeDatabricks(List<Run> runs, @org.jspecify.annotations.Nullable RunOutput output)
      throws IOException {
    this.runs = List.copyOf(runs);
    this.output = output;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers the next {@code runs/submit} with 429 and {@code Retry-After: 1}. */
  void throttleNextSubmit() {
    throttleNextSubmit.set(true);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A client as the SDK builds it, with a token, so construction makes no discovery calls. */
  WorkspaceClient client() {
    return new WorkspaceClient(
        new DatabricksConfig()
            .setHost(url())
            .setToken(TOKEN)
            .setCredentialsProvider(new PatCredentialsProvider()));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    requests.add(method + " " + path + (query == null ? "" : "?" + query));
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    byte[] body = exchange.getRequestBody().readAllBytes();
    try {
      if (method.equals("PUT") && path.startsWith("/api/2.0/fs/files/Volumes/")) {
        uploads.put(path.substring("/api/2.0/fs/files".length()), (long) body.length);
        send(exchange, 204, null);
      } else if (method.equals("POST") && path.matches("/api/2\\.\\d/jobs/runs/submit")) {
        if (throttleNextSubmit.getAndSet(false)) {
          exchange.getResponseHeaders().add("Retry-After", "1");
          send(
              exchange,
              429,
              Map.of("error_code", "REQUEST_LIMIT_EXCEEDED", "message", "slow down"));
          return;
        }
        submitted.add(mapper.readValue(body, SubmitRun.class));
        send(exchange, 200, new SubmitRunResponse().setRunId(RUN_ID));
      } else if (method.equals("GET") && path.matches("/api/2\\.\\d/jobs/runs/get")) {
        int i = Math.min(runsServed.getAndIncrement(), runs.size() - 1);
        send(exchange, 200, runs.get(i));
      } else if (method.equals("GET")
          && path.matches("/api/2\\.\\d/jobs/runs/get-output")
          && output != null) {
        send(exchange, 200, output);
      } else {
        send(
            exchange,
            404,
            Map.of("error_code", "NOT_FOUND", "message", "no " + method + " " + path));
      }
    } catch (RuntimeException e) {
      send(exchange, 500, Map.of("error_code", "INTERNAL_ERROR", "message", e.toString()));
    }
  }

  private void send(
      HttpExchange exchange, int status, @org.jspecify.annotations.Nullable Object body)
      throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    byte[] bytes = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
