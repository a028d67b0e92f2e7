package dev.weir.databricks;

import dev.weir.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The pre-flight check of {@code weir bundle} and {@code weir databricks submit}: a run on
 * Databricks without {@code --project} resolves a relative {@code filepath} against the driver's
 * working directory, where no project data is. So the target environment's catalog must give every
 * file an absolute location (a Unity Catalog Volume, {@code /Volumes/<catalog>/<schema>/<volume>},
 * or a URI such as {@code s3://} or {@code abfss://}), as Kedro's Databricks deployment guide does
 * with a {@code base_path} in {@code conf/<env>/globals.yml}; or the run must be given a remote
 * project directory the relative paths resolve against.
 */
public final class RemotePathCheck {
  /** A URI scheme, such as {@code dbfs:}, {@code s3:} or {@code abfss:}. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private RemotePathCheck() {}

  /**
   * @param catalog the resolved catalog configuration of the environment
   * @param env the environment the tasks run with
   * @param remoteProject {@code --remote-project}, or {@code null}
   * @throws ConfigException without a remote project, when a dataset's {@code filepath} (also one
   *     nested in a wrapping dataset) is a relative local path: names each dataset and its path,
   *     the environment and the fix
   */
  public static void require(
      Map<String, Object> catalog, String env, @Nullable String remoteProject) {
    if (remoteProject != null) {
      return;
    }
    List<String> relative = relativePaths(catalog);
    if (relative.isEmpty()) {
      return;
    }
    throw new ConfigException(
        "The catalog of environment '"
            + env
            + "' has relative local paths, which a run on Databricks would resolve against the"
            + " driver's working directory, where no data is: "
            + String.join(", ", relative)
            + ". Set base_path in conf/"
            + env
            + "/globals.yml to a Unity Catalog Volume path (e.g. base_path:"
            + " /Volumes/main/default/data) and write the filepaths as ${globals:base_path}/..., or pass --remote-project"
            + " /Volumes/<catalog>/<schema>/<volume>/<project> to resolve them there.");
  }

  /**
   * @param catalog a resolved catalog configuration
   * @return {@code name (path)} for each dataset with a relative local {@code filepath}, in catalog
   *     order
   */
  public static List<String> relativePaths(Map<String, Object> catalog) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, Object> entry : catalog.entrySet()) {
      if (entry.getKey().startsWith("_")) {
        continue; // a YAML anchor holder, as in Kedro
      }
      String path = relativeFilepath(entry.getValue());
      if (path != null) {
        found.add(entry.getKey() + " (" + path + ")");
      }
    }
    return found;
  }

  private static @Nullable String relativeFilepath(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    if (map.get("filepath") instanceof String path && isRelativeLocal(path)) {
      return path;
    }
    for (Object nested : map.values()) {
      String path = relativeFilepath(nested);
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  /**
   * @param path a {@code filepath}
   * @return whether it is neither absolute nor a URI
   */
  static boolean isRelativeLocal(String path) {
    return !path.startsWith("/") && !path.startsWith("\\") && !SCHEME.matcher(path).find();
  }
}
