package dev.weir.mlflow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.mlflow.tracking.creds.DatabricksConfigHostCredsProvider;
import org.mlflow.tracking.creds.DatabricksDynamicHostCredsProvider;
import org.mlflow.tracking.creds.HostCredsProviderChain;
import org.mlflow.tracking.creds.MlflowHostCreds;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;

/**
 * A tracking server reached through the MLflow Java client ({@code org.mlflow.tracking
 * .MlflowClient}): {@code http(s)://} servers with a token or user and password, and Databricks
 * ({@code databricks}: the notebook/job context, then {@code ~/.databrickscfg} or the {@code
 * DATABRICKS_HOST}/{@code DATABRICKS_TOKEN} variables; {@code databricks://<profile>}: that
 * profile), as the client resolves them. Every call is bounded by {@link BoundedCaller}.
 *
 * <p>Artifacts: the Java client can only upload by running Python's {@code mlflow}, so files go by
 * HTTP PUT to the server's artifact proxy, {@code /api/2.0/mlflow-artifacts/artifacts/<path>}, for
 * runs whose artifact URI is {@code mlflow-artifacts:/...} (the default of {@code mlflow server}
 * since MLflow 2.0). Other artifact stores ({@code s3://}, {@code dbfs:/}) need their own SDKs and
 * are reported as not uploaded.
 */
final class RestStore implements TrackingStore {
  private final MlflowClient client;
  private final MlflowHostCredsProvider creds;
  private final BoundedCaller caller;
  private final HttpClient http;
  private final Duration timeout;
  private final String display;

  RestStore(MlflowHostCredsProvider creds, Duration timeout, String display) {
    this.creds = creds;
    ClientLogs.quiet();
    this.client = new MlflowClient(creds);
    this.caller = new BoundedCaller(timeout);
    this.timeout = timeout;
    this.display = display;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * @param settings settings whose tracking URI is {@code http(s)://...} or {@code databricks...}
   * @return the store; nothing is contacted yet
   * @throws dev.weir.config.ConfigException for a URI scheme the MLflow Java client cannot use
   */
  static RestStore create(MlflowSettings settings) {
    String uri = settings.trackingUri();
    if (uri == null) {
      throw new IllegalArgumentException("no tracking URI");
    }
    return new RestStore(credsProvider(uri, settings), settings.timeout(), settings.displayUri());
  }

  static MlflowHostCredsProvider credsProvider(String uri, MlflowSettings settings) {
    if (uri.equals("databricks")) {
      MlflowHostCredsProvider profile = new DatabricksConfigHostCredsProvider();
      MlflowHostCredsProvider dynamic = DatabricksDynamicHostCredsProvider.createIfAvailable();
      return dynamic == null ? profile : new HostCredsProviderChain(dynamic, profile);
    }
    if (uri.startsWith("databricks://")) {
      return new DatabricksConfigHostCredsProvider(uri.substring("databricks://".length()));
    }
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      // The client appends "/api/2.0/mlflow/..." by string concatenation: a trailing / doubles it.
      String host = uri.replaceAll("/+$", "");
      var c = settings.credentials();
      if (c.containsKey("token")) {
        return new BasicMlflowHostCreds(host, c.get("token"));
      }
      if (c.containsKey("username")) {
        return new BasicMlflowHostCreds(host, c.get("username"), c.getOrDefault("password", ""));
      }
      return new BasicMlflowHostCreds(host);
    }
    throw new dev.weir.config.ConfigException(
        "MLflow tracking_uri '"
            + settings.displayUri()
            + "' (conf/<env>/mlflow.yml or MLFLOW_TRACKING_URI) is not supported: use"
            + " http(s)://host:port, databricks, databricks://<profile>, sqlite:///<file> or"
            + " file:<folder>.");
  }

  /**
   * Finds the experiment with {@code experiments/search} and a name filter (a missing experiment is
   * an empty answer, not a 404 the Java client would retry and warn about), creates it when there
   * is none, then creates the run.
   *
   * @throws DeletedExperimentException when the experiment exists but is deleted
   * @throws BoundedCaller.TrackingFailure when the server fails or does not answer in time
   */
  @Override
  public RunRef createRun(String experiment, String runName, String userId, long startTimeMillis) {
    java.util.Optional<Service.Experiment> found =
        caller.call("look up experiment '" + experiment + "'", () -> find(experiment));
    if (found.isPresent() && "deleted".equals(found.get().getLifecycleStage())) {
      throw new DeletedExperimentException(experiment, found.get().getExperimentId(), describe());
    }
    String experimentId =
        found
            .map(Service.Experiment::getExperimentId)
            .orElseGet(
                () ->
                    caller.call(
                        "create experiment '" + experiment + "'",
                        () -> client.createExperiment(experiment)));
    Service.RunInfo info =
        caller.call(
            "create run",
            () ->
                client.createRun(
                    Service.CreateRun.newBuilder()
                        .setExperimentId(experimentId)
                        .setRunName(runName)
                        .setUserId(userId)
                        .setStartTime(startTimeMillis)
                        .build()));
    return new RunRef(experimentId, info.getRunId(), info.getArtifactUri());
  }

  /**
   * The experiment of that name in any lifecycle stage, through {@code experiments/search} with the
   * filter {@code name = '<name>'} (mlflow/server/handlers.py {@code _search_experiments},
   * mlflow/utils/search_utils.py {@code SearchExperimentsUtils}). A name the single-quoted filter
   * cannot hold (a quote or a backslash), or a server without {@code experiments/search} (before
   * MLflow 1.28), is looked up with {@code experiments/get-by-name} instead.
   */
  private java.util.Optional<Service.Experiment> find(String name) {
    if (name.indexOf('\'') >= 0 || name.indexOf('\\') >= 0) {
      return client.getExperimentByName(name);
    }
    try {
      var page =
          client.searchExperiments("name = '" + name + "'", Service.ViewType.ALL, 2, List.of());
      return page.getItems().stream().filter(e -> e.getName().equals(name)).findFirst();
    } catch (org.mlflow.tracking.MlflowHttpException e) {
      if (e.getStatusCode() == 404
          && String.valueOf(e.getBodyMessage()).contains("ENDPOINT_NOT_FOUND")) {
        return client.getExperimentByName(name);
      }
      throw e;
    }
  }

  /**
   * Ends a run that logging gave up on, with its own bounded wait (the run's caller refuses calls
   * after the first failure): sets the tags, then the status and end time.
   *
   * @param run the server's run
   * @param status the status the Weir run ended with
   * @param endTimeMillis the end time, milliseconds since the epoch
   * @param tags tags that say why the run is incomplete
   * @return whether the server took the end status
   */
  boolean endAfterFailure(
      RunRef run,
      Service.RunStatus status,
      long endTimeMillis,
      java.util.Map<String, String> tags) {
    BoundedCaller last = new BoundedCaller(timeout);
    try {
      List<Service.RunTag> t = new ArrayList<>();
      tags.forEach((k, v) -> t.add(Service.RunTag.newBuilder().setKey(k).setValue(v).build()));
      try {
        last.run("tag the run", () -> client.logBatch(run.runId(), List.of(), List.of(), t));
      } catch (BoundedCaller.TrackingFailure e) {
        last = new BoundedCaller(timeout);
      }
      BoundedCaller end = last;
      end.run("end the run", () -> client.setTerminated(run.runId(), status, endTimeMillis));
      return true;
    } catch (BoundedCaller.TrackingFailure e) {
      return false;
    } finally {
      last.close();
    }
  }

  @Override
  public void logBatch(
      RunRef run, List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {
    List<Service.Metric> m = new ArrayList<>(metrics.size());
    for (Metric x : metrics) {
      m.add(
          Service.Metric.newBuilder()
              .setKey(x.key())
              .setValue(x.value())
              .setTimestamp(x.timestamp())
              .setStep(x.step())
              .build());
    }
    List<Service.Param> p = new ArrayList<>(params.size());
    params.forEach(
        x -> p.add(Service.Param.newBuilder().setKey(x.key()).setValue(x.value()).build()));
    List<Service.RunTag> t = new ArrayList<>(tags.size());
    tags.forEach(
        x -> t.add(Service.RunTag.newBuilder().setKey(x.key()).setValue(x.value()).build()));
    caller.run("log a batch", () -> client.logBatch(run.runId(), m, p, t));
  }

  @Override
  public void logArtifact(RunRef run, Path file, @Nullable String artifactPath) {
    String root = artifactProxyPath(run.artifactUri());
    if (root == null) {
      throw new UnsupportedArtifactStore(run.artifactUri());
    }
    StringBuilder url =
        new StringBuilder(display(false)).append("/api/2.0/mlflow-artifacts/artifacts");
    List<String> segments = new ArrayList<>(List.of(root.split("/")));
    if (artifactPath != null && !artifactPath.isEmpty()) {
      segments.addAll(List.of(artifactPath.split("/")));
    }
    segments.add(file.getFileName().toString());
    for (String s : segments) {
      if (!s.isEmpty()) {
        url.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    caller.run(
        "upload artifact " + file.getFileName(),
        () -> {
          try {
            HttpRequest.Builder req =
                HttpRequest.newBuilder(URI.create(url.toString()))
                    .timeout(timeout)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
            authorization().ifPresent(a -> req.header("Authorization", a));
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
              throw new IllegalStateException(
                  "the artifact upload answered HTTP " + res.statusCode() + ": " + res.body());
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        });
  }

  /**
   * The path under {@code /api/2.0/mlflow-artifacts/artifacts/} for a run's artifact URI, as
   * MLflow's {@code MlflowArtifactsRepository} maps it: {@code mlflow-artifacts:/1/abc/artifacts}
   * and {@code mlflow-artifacts://host:port/1/abc/artifacts} both give {@code 1/abc/artifacts}.
   *
   * @return the path, or {@code null} when the run's artifacts are not served by the server
   */
  static @Nullable String artifactProxyPath(String artifactUri) {
    if (!artifactUri.startsWith("mlflow-artifacts:")) {
      return null;
    }
    String rest = artifactUri.substring("mlflow-artifacts:".length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    return rest.replaceAll("^/+|/+$", "");
  }

  private java.util.Optional<String> authorization() {
    MlflowHostCreds c = creds.getHostCreds();
    if (c.getToken() != null && !c.getToken().isEmpty()) {
      return java.util.Optional.of("Bearer " + c.getToken());
    }
    if (c.getUsername() != null && !c.getUsername().isEmpty()) {
      String pw = c.getPassword() == null ? "" : c.getPassword();
      return java.util.Optional.of(
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((c.getUsername() + ":" + pw).getBytes(StandardCharsets.UTF_8)));
    }
    return java.util.Optional.empty();
  }

  @Override
  public void endRun(RunRef run, Service.RunStatus status, long endTimeMillis) {
    caller.run("end the run", () -> client.setTerminated(run.runId(), status, endTimeMillis));
  }

  @Override
  public String runLocation(RunRef run) {
    String host = display(true);
    boolean databricks = display.startsWith("databricks");
    return host
        + (databricks ? "/#mlflow/experiments/" : "/#/experiments/")
        + run.experimentId()
        + "/runs/"
        + run.runId();
  }

  /** The server's base URL; for Databricks it is known only once credentials are read. */
  private String display(boolean forPeople) {
    if (display.startsWith("http")) {
      return forPeople
          ? display.replaceAll("/+$", "")
          : creds.getHostCreds().getHost().replaceAll("/+$", "");
    }
    try {
      return creds.getHostCreds().getHost().replaceAll("/+$", "");
    } catch (RuntimeException e) {
      return display;
    }
  }

  @Override
  public String describe() {
    return display;
  }

  @Override
  public void close() {
    caller.close();
    try {
      client.close();
    } catch (RuntimeException e) {
      // closing a client whose server hangs must not fail the run
    }
  }

  /** The run's artifacts live where Weir cannot upload them. */
  static final class UnsupportedArtifactStore extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedArtifactStore(String artifactUri) {
      super(
          "the run's artifact store "
              + MlflowSettings.redact(artifactUri)
              + " is not served by the tracking server (start it with --serve-artifacts)",
          null,
          false,
          false);
    }
  }
}
