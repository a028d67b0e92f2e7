package dev.weir.databricks;

import java.nio.file.Path;
import java.util.List;

/**
 * The paths a generated bundle writes, each relative to the file it is written in, since that is
 * what the Databricks CLI resolves them against: an artifact's {@code path} (where its {@code
 * build} runs) and its {@code files[].source} against the directory of {@code databricks.yml}
 * (databricks/cli, {@code bundle/artifacts/prepare.go}), a task's {@code libraries[].jar} and an
 * environment's {@code java_dependencies} against the {@code resources/*.yml} that holds them
 * (Databricks docs, "Databricks Asset Bundles library dependencies": local paths are relative to
 * the configuration file). A local library must also lie inside the bundle's sync root
 * (databricks/cli, {@code bundle/config/mutator/translate_paths.go}: "is not contained in sync root
 * path"), so a bundle written outside the project lists the JAR's folder in {@code sync.paths},
 * which may be outside the bundle root and widen the sync root to their common parent.
 *
 * @param projectFromBundle the project directory, from the bundle directory ({@code .} when the
 *     bundle is written into the project)
 * @param jarFromBundle the job JAR, from the bundle directory
 * @param jarFromResources the job JAR, from the bundle's {@code resources/} directory
 */
public record BundlePaths(String projectFromBundle, String jarFromBundle, String jarFromResources) {

  /**
   * @param project the project directory
   * @param bundle the directory {@code databricks.yml} is written to
   * @param jarPath the job JAR, relative to the project
   * @return the paths, with {@code /} separators
   */
  public static BundlePaths of(Path project, Path bundle, String jarPath) {
    Path root = project.toAbsolutePath().normalize();
    Path out = bundle.toAbsolutePath().normalize();
    Path jar = root.resolve(jarPath).normalize();
    String fromBundle = slashes(out.relativize(root));
    return new BundlePaths(
        fromBundle.isEmpty() ? "." : fromBundle,
        slashes(out.relativize(jar)),
        slashes(out.resolve("resources").relativize(jar)));
  }

  /**
   * @return {@code sync.paths} for {@code databricks.yml}: empty when the JAR is inside the bundle
   *     directory, else the bundle directory itself and the JAR's folder
   */
  public List<String> syncPaths() {
    if (!jarFromBundle.startsWith("../")) {
      return List.of();
    }
    int slash = jarFromBundle.lastIndexOf('/');
    return List.of(".", jarFromBundle.substring(0, slash));
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
