package dev.weir.datasets.mlflow;

import dev.weir.datasets.Specs;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.io.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file dataset whose file also goes to the MLflow run's artifacts, as kedro-mlflow's {@code
 * MlflowArtifactDataset}:
 *
 * <pre>{@code
 * price_chart:
 *   type: mlflow.MlflowArtifactDataset
 *   artifact_path: charts          # optional folder inside the run's artifacts
 *   dataset:
 *     type: binary.BinaryDataset   # any dataset with a local filepath
 *     filepath: data/08_reporting/price_chart.png
 * }</pre>
 *
 * <p>The wrapped dataset is built through the installed dataset types and does the saving and
 * loading; credentials of this entry are handed to it. After each save, the written file (for a
 * versioned dataset, the file of the version just saved; for a folder, every file in it) is given
 * to the run's {@link MlflowTracker}. A {@code filepath} on remote storage ({@code s3://}, {@code
 * dbfs:/}, ...) is saved but not logged as an artifact (one warning). Outside a Weir run the file
 * is saved and one warning says it was not logged.
 */
public final class MlflowArtifactDataset implements Dataset<Object> {
  private static final Logger LOG = LoggerFactory.getLogger(MlflowArtifactDataset.class);
  private static final Set<String> KEYS = Set.of("dataset", "artifact_path");

  private final String name;
  private final Dataset<Object> inner;
  private final String innerType;
  private final String filepath;
  private final boolean versioned;
  private final @Nullable String artifactPath;
  private final DatasetContext context;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param name the dataset name, for messages
   * @param inner the wrapped file dataset
   * @param innerType its {@code type:} value, for {@link #describe()}
   * @param filepath its {@code filepath}, resolved against the project root
   * @param versioned whether it is versioned (Kedro's {@code <filepath>/<version>/<name>})
   * @param artifactPath the folder inside the run's artifacts, or {@code null} for the root
   * @param context the catalog's context (save version)
   */
  @SuppressWarnings("unchecked")
  public MlflowArtifactDataset(
      String name,
      Dataset<?> inner,
      String innerType,
      String filepath,
      boolean versioned,
      @Nullable String artifactPath,
      DatasetContext context) {
    this.name = name;
    this.inner = (Dataset<Object>) inner;
    this.innerType = innerType;
    this.filepath = filepath;
    this.versioned = versioned;
    this.artifactPath = artifactPath;
    this.context = context;
  }

  /**
   * Saves through the wrapped dataset, then logs the written file(s) as artifacts.
   *
   * @param data what the wrapped dataset takes
   * @throws DatasetException when the wrapped save fails (nothing is logged then)
   */
  @Override
  public void save(Object data) {
    inner.save(data);
    Optional<MlflowTracker> tracker = ActiveTracker.get();
    if (tracker.isEmpty()) {
      warnOnce(
          "Artifact of dataset '{}' is not logged: no MLflow run is in progress (tracking is"
              + " off in mlflow.yml, or the dataset is used outside a Weir run). The file is saved at {}.");
      return;
    }
    if (isRemote(filepath)) {
      warnOnce(
          "Artifact of dataset '{}' is not logged: {} is not a local file, and Weir uploads only"
              + " local files to MLflow. The data is saved.");
      return;
    }
    Path written = writtenPath();
    if (Files.isDirectory(written)) {
      String base = join(artifactPath, written.getFileName().toString());
      try (Stream<Path> files = Files.walk(written)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          Path parent = written.relativize(f).getParent();
          tracker
              .get()
              .logArtifact(
                  f, parent == null ? base : join(base, parent.toString().replace('\\', '/')));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (Files.isRegularFile(written)) {
      tracker.get().logArtifact(written, artifactPath);
    } else {
      throw new DatasetException(
          "Dataset '"
              + name
              + "': the wrapped "
              + innerType
              + " saved, but no file is at "
              + written
              + " to log as an MLflow artifact. Check its 'filepath'.");
    }
  }

  private void warnOnce(String message) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(message, name, filepath);
    }
  }

  private Path writtenPath() {
    Path base = Paths.get(stripFileScheme(filepath));
    if (!versioned) {
      return base;
    }
    Optional<String> version = context.saveVersion();
    if (version.isPresent()) {
      Path candidate = Paths.get(Versions.versionedPath(base.toString(), version.get()));
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return Versions.latestVersion(base)
        .map(v -> Paths.get(Versions.versionedPath(base.toString(), v)))
        .orElse(base);
  }

  private static String join(@Nullable String a, String b) {
    return a == null || a.isEmpty() ? b : a + "/" + b;
  }

  static boolean isRemote(String path) {
    return path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        && !path.startsWith("file:")
        && !path.matches("^[a-zA-Z]:[\\\\/].*");
  }

  private static String stripFileScheme(String path) {
    return path.startsWith("file://")
        ? path.substring("file://".length())
        : path.startsWith("file:") ? path.substring("file:".length()) : path;
  }

  /**
   * @return what the wrapped dataset loads
   */
  @Override
  public Object load() {
    return inner.load();
  }

  @Override
  public boolean exists() {
    return inner.exists();
  }

  @Override
  public void release() {
    inner.release();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "mlflow.MlflowArtifactDataset");
    if (artifactPath != null) {
      d.put("artifact_path", artifactPath);
    }
    d.put("dataset", inner.describe());
    return Collections.unmodifiableMap(d);
  }

  /** The {@code mlflow.MlflowArtifactDataset} catalog type. */
  public static final class Type implements DatasetType {
    /** For {@link java.util.ServiceLoader}. */
    public Type() {}

    @Override
    public List<String> names() {
      return List.of("mlflow.MlflowArtifactDataset", MlflowArtifactDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, KEYS);
      Object nested = spec.config().get("dataset");
      Map<String, Object> innerConfig = new LinkedHashMap<>();
      String innerType;
      if (nested instanceof String s) {
        innerType = s;
      } else if (nested instanceof Map<?, ?> m && m.get("type") != null) {
        m.forEach((k, v) -> innerConfig.put(String.valueOf(k), v));
        innerType = String.valueOf(innerConfig.remove("type"));
      } else {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "' (mlflow.MlflowArtifactDataset) needs 'dataset:' with"
                + " the wrapped file dataset, for example {type: binary.BinaryDataset, filepath:"
                + " data/08_reporting/chart.png}"
                + where(spec)
                + ".");
      }
      if (innerConfig.containsKey("credentials")) {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "': put 'credentials:' on the mlflow.MlflowArtifactDataset"
                + " entry itself, not inside 'dataset:'; they are handed to the wrapped dataset"
                + where(spec)
                + ".");
      }
      Object filepath = innerConfig.get("filepath");
      if (filepath == null) {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "': the wrapped "
                + innerType
                + " has no 'filepath', so"
                + " there is no file to log as an MLflow artifact"
                + where(spec)
                + ".");
      }
      Object artifactPath = spec.config().get("artifact_path");
      String ap = artifactPath == null ? null : artifactPath.toString().replaceAll("^/+|/+$", "");
      if (ap != null && !ap.isEmpty() && (ap.contains("..") || ap.contains("\\"))) {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "': artifact_path '"
                + artifactPath
                + "' must be a"
                + " relative folder with / separators and no '..'"
                + where(spec)
                + ".");
      }
      DatasetSpec innerSpec =
          new DatasetSpec(spec.name(), innerType, innerConfig, spec.credentials(), spec.source());
      Dataset<?> inner =
          DatasetTypeRegistry.loadInstalled().get(innerType).create(innerSpec, context);
      Object versioned = innerConfig.get("versioned");
      return new MlflowArtifactDataset(
          spec.name(),
          inner,
          innerType,
          context.resolvePath(filepath.toString()),
          versioned instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(versioned)),
          ap == null || ap.isEmpty() ? null : ap,
          context);
    }

    private static String where(DatasetSpec spec) {
      return spec.source() == null ? "" : " (in " + spec.source() + ")";
    }
  }
}
