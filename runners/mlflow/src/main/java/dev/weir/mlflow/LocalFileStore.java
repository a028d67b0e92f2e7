package dev.weir.mlflow;

import dev.weir.config.SafeYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.Service;

/**
 * MLflow's legacy local file store, used for an explicit {@code file:} (or plain folder) tracking
 * URI, for MLflow 2.x users; written as MLflow's Python {@code FileStore}
 * (mlflow/store/tracking/file_store.py, MLflow 2.x) writes it, so that {@code mlflow ui
 * --backend-store-uri ./mlruns} and {@code mlflow migrate-filestore} read it:
 *
 * <pre>
 * mlruns/
 *   .trash/
 *   0/meta.yaml                        the Default experiment, made with the store
 *   &lt;experiment_id&gt;/meta.yaml         artifact_location, creation_time, experiment_id,
 *                                      last_update_time, lifecycle_stage, name
 *   &lt;experiment_id&gt;/&lt;run_id&gt;/meta.yaml  artifact_uri, [deleted_time,] end_time, entry_point_name,
 *                                      experiment_id, lifecycle_stage, run_id, run_name, run_uuid,
 *                                      source_name, source_type, source_version, start_time,
 *                                      status, tags, user_id
 *   &lt;experiment_id&gt;/&lt;run_id&gt;/params/&lt;key&gt;     the value, no newline
 *   &lt;experiment_id&gt;/&lt;run_id&gt;/metrics/&lt;key&gt;    one line per value: "timestamp value step"
 *   &lt;experiment_id&gt;/&lt;run_id&gt;/tags/&lt;key&gt;       the value, no newline
 *   &lt;experiment_id&gt;/&lt;run_id&gt;/artifacts/...
 * </pre>
 *
 * <p>As MLflow: YAML keys sorted, experiment ids are random 18-digit integers (name_utils.py {@code
 * _generate_unique_integer_id}), run ids are {@code uuid4().hex}, {@code status} is the {@code
 * RunStatus} number (RUNNING 1, FINISHED 3, FAILED 4, KILLED 5), {@code source_type} is LOCAL (4),
 * {@code deleted_time: null} is written at creation and dropped when the run ends, and a param may
 * not change value. Keys containing {@code /} become sub-folders, as in MLflow.
 */
final class LocalFileStore implements TrackingStore {
  static final String DEFAULT_EXPERIMENT_ID = "0";
  static final String DEFAULT_EXPERIMENT_NAME = "Default";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Map<String, Map<String, Object>> runMeta = new HashMap<>();

  /**
   * @param root the store folder, usually {@code <project>/mlruns}; created on first write
   */
  LocalFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  @Override
  public synchronized RunRef createRun(
      String experiment, String runName, String userId, long startTimeMillis) {
    try {
      ensureRoot();
      String experimentId =
          findExperiment(experiment).orElseGet(() -> createExperiment(experiment));
      Map<String, Object> expMeta = readYaml(root.resolve(experimentId).resolve("meta.yaml"));
      String runId = UUID.randomUUID().toString().replace("-", "");
      String artifactUri =
          String.valueOf(expMeta.get("artifact_location")) + "/" + runId + "/artifacts";
      Path runDir = root.resolve(experimentId).resolve(runId);
      Files.createDirectories(runDir);
      Map<String, Object> meta = new TreeMap<>();
      meta.put("artifact_uri", artifactUri);
      meta.put("end_time", null);
      meta.put("entry_point_name", "");
      meta.put("experiment_id", experimentId);
      meta.put("lifecycle_stage", "active");
      meta.put("run_id", runId);
      meta.put("run_name", runName);
      meta.put("run_uuid", runId);
      meta.put("source_name", "");
      meta.put("source_type", Service.SourceType.LOCAL.getNumber());
      meta.put("source_version", "");
      meta.put("start_time", startTimeMillis);
      meta.put("status", Service.RunStatus.RUNNING.getNumber());
      meta.put("tags", List.of());
      meta.put("user_id", userId);
      Map<String, Object> created = new TreeMap<>(meta);
      created.put("deleted_time", null);
      writeYaml(runDir.resolve("meta.yaml"), created);
      Files.createDirectories(runDir.resolve("metrics"));
      Files.createDirectories(runDir.resolve("params"));
      Files.createDirectories(runDir.resolve("artifacts"));
      writeValue(runDir.resolve("tags"), "mlflow.runName", runName);
      runMeta.put(runId, meta);
      return new RunRef(experimentId, runId, artifactUri);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the MLflow local store at " + root, e);
    }
  }

  @Override
  public synchronized void logBatch(
      RunRef run, List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {
    Path runDir = runDir(run);
    try {
      for (KeyValue p : params) {
        Path file = runDir.resolve("params").resolve(p.key());
        if (Files.exists(file)) {
          String current = Files.readString(file, StandardCharsets.UTF_8);
          if (!current.equals(p.value())) {
            throw new IllegalStateException(
                "MLflow param '"
                    + p.key()
                    + "' was already logged with another value in run "
                    + run.runId()
                    + "; MLflow params are write-once.");
          }
        }
        writeValue(runDir.resolve("params"), p.key(), p.value());
      }
      for (Metric m : metrics) {
        Path file = runDir.resolve("metrics").resolve(m.key());
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            m.timestamp() + " " + PythonFloats.repr(m.value()) + " " + m.step() + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      for (KeyValue t : tags) {
        writeValue(runDir.resolve("tags"), t.key(), t.value());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write MLflow run " + runDir, e);
    }
  }

  @Override
  public synchronized void logArtifact(RunRef run, Path file, @Nullable String artifactPath) {
    LocalArtifacts.copy(artifactDir(run), file, artifactPath);
  }

  @Override
  public synchronized void endRun(RunRef run, Service.RunStatus status, long endTimeMillis) {
    Map<String, Object> meta = runMeta.get(run.runId());
    Path metaFile = runDir(run).resolve("meta.yaml");
    if (meta == null) {
      meta = new TreeMap<>(readYaml(metaFile));
      meta.remove("deleted_time");
    }
    meta.put("status", status.getNumber());
    meta.put("end_time", endTimeMillis);
    writeYaml(metaFile, meta);
  }

  @Override
  public String runLocation(RunRef run) {
    return runDir(run).toString();
  }

  @Override
  public String describe() {
    return root.toString();
  }

  /**
   * @return {@code MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri file:///...}: MLflow
   *     3.11 and later open a file store only with that variable; older releases ignore it
   */
  @Override
  public String viewCommand() {
    return "MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri " + fileUri(root);
  }

  Path runDir(RunRef run) {
    return root.resolve(run.experimentId()).resolve(run.runId());
  }

  private Path artifactDir(RunRef run) {
    if (run.artifactUri().startsWith("file:")) {
      try {
        return Path.of(new URI(run.artifactUri()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        // fall through to the store's own layout
      }
    }
    return runDir(run).resolve("artifacts");
  }

  private void ensureRoot() throws IOException {
    if (!Files.exists(root)) {
      Files.createDirectories(root);
      writeExperiment(DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME);
    }
    Files.createDirectories(root.resolve(".trash"));
  }

  private Optional<String> findExperiment(String name) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path meta = dir.resolve("meta.yaml");
        if (dir.getFileName().toString().startsWith(".") || !Files.isRegularFile(meta)) {
          continue;
        }
        Map<String, Object> m = readYaml(meta);
        if (name.equals(String.valueOf(m.get("name")))
            && "active".equals(String.valueOf(m.getOrDefault("lifecycle_stage", "active")))) {
          return Optional.of(dir.getFileName().toString());
        }
      }
    }
    return Optional.empty();
  }

  private String createExperiment(String name) {
    String id;
    do {
      StringBuilder digits = new StringBuilder().append(1 + RANDOM.nextInt(9));
      for (int i = 1; i < 18; i++) {
        digits.append(RANDOM.nextInt(10));
      }
      id = digits.toString();
    } while (Files.exists(root.resolve(id)) || Files.exists(root.resolve(".trash").resolve(id)));
    writeExperiment(id, name);
    return id;
  }

  private void writeExperiment(String id, String name) {
    long now = System.currentTimeMillis();
    Map<String, Object> meta = new TreeMap<>();
    meta.put("artifact_location", fileUri(root.resolve(id)));
    meta.put("creation_time", now);
    meta.put("experiment_id", id);
    meta.put("last_update_time", now);
    meta.put("lifecycle_stage", "active");
    meta.put("name", name);
    try {
      Files.createDirectories(root.resolve(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeYaml(root.resolve(id).resolve("meta.yaml"), meta);
  }

  /** As Python's {@code pathlib.Path.as_uri()}: {@code file:///abs/path}, percent-encoded. */
  static String fileUri(Path path) {
    try {
      return new URI(
              "file", "", path.toAbsolutePath().normalize().toString().replace('\\', '/'), null)
          .toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void writeValue(Path dir, String key, String value) throws IOException {
    Path file = dir.resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, value, StandardCharsets.UTF_8);
  }

  static void writeYaml(Path file, Map<String, Object> data) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, SafeYaml.dump(new TreeMap<>(data)), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  static Map<String, Object> readYaml(Path file) {
    try {
      Object data = SafeYaml.newYaml().load(Files.readString(file, StandardCharsets.UTF_8));
      if (data instanceof Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
      }
      return new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
