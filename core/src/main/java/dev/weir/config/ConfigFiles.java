package dev.weir.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The YAML files of one environment directory ({@code conf/base}, {@code conf/local}) and how a
 * kind of configuration picks its files. Kedro's default patterns for a kind {@code catalog} are
 * {@code catalog*}, {@code catalog*}{@code /**} and {@code **}{@code /catalog*}: a file whose name
 * starts with the kind, at any depth, or any file under a top-level folder whose name starts with
 * the kind. Hidden files and folders (a name starting with {@code .}) are skipped, as Kedro does.
 * Works on any {@link java.nio.file.FileSystem}, including a zip or JAR file system.
 */
final class ConfigFiles {
  private final Path envDir;
  private final List<Path> yamlFiles;

  private ConfigFiles(Path envDir, List<Path> yamlFiles) {
    this.envDir = envDir;
    this.yamlFiles = yamlFiles;
  }

  /**
   * Lists every {@code .yml} / {@code .yaml} file under the directory; a missing directory has no
   * files.
   */
  static ConfigFiles scan(Path envDir) {
    if (!Files.isDirectory(envDir)) {
      return new ConfigFiles(envDir, List.of());
    }
    try (Stream<Path> walk = Files.walk(envDir)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(p -> isYaml(p.getFileName().toString()))
              .filter(p -> !isHidden(envDir.relativize(p)))
              .sorted(
                  (a, b) ->
                      envDir.relativize(a).toString().compareTo(envDir.relativize(b).toString()))
              .toList();
      return new ConfigFiles(envDir, files);
    } catch (IOException e) {
      throw new ConfigException("Cannot list configuration files in " + envDir + ": " + e, e);
    }
  }

  /**
   * One environment's configuration of a kind: the union of its files' top-level keys.
   *
   * @param values top-level key to parsed value
   * @param sources top-level key to the file that defines it
   */
  record Layer(Map<String, @Nullable Object> values, Map<String, String> sources) {}

  /**
   * Reads the files of a kind and joins their top-level keys.
   *
   * @throws ConfigException on malformed YAML, a file whose top level is not a mapping, or a
   *     top-level key defined in two files (both are named)
   */
  @SuppressWarnings("unchecked")
  Layer read(String kind) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path file : yamlFiles) {
      if (!matches(envDir.relativize(file), kind)) {
        continue;
      }
      String where = file.toString();
      Object document = SafeYaml.parse(readText(file), where);
      if (document == null) {
        continue;
      }
      if (!(document instanceof Map<?, ?>)) {
        throw new ConfigException(
            "Configuration file "
                + where
                + " must hold a mapping of keys to values at its top level, but holds "
                + (document instanceof java.util.List<?>
                    ? "a list"
                    : "the value '" + document + "'")
                + ".");
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) document).entrySet()) {
        String previous = sources.putIfAbsent(e.getKey(), where);
        if (previous != null) {
          throw new ConfigException(
              "Duplicate key '"
                  + e.getKey()
                  + "' in "
                  + previous
                  + " and "
                  + where
                  + " (both in environment '"
                  + envDir.getFileName()
                  + "', kind '"
                  + kind
                  + "'). A key may be defined once per environment: remove or rename one of"
                  + " them.");
        }
        values.put(e.getKey(), e.getValue());
      }
    }
    return new Layer(values, sources);
  }

  static boolean matches(Path relative, String kind) {
    String name = relative.getFileName().toString();
    if (name.startsWith(kind)) {
      return true;
    }
    return relative.getNameCount() > 1 && relative.getName(0).toString().startsWith(kind);
  }

  private static boolean isYaml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml");
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e, e);
    }
  }
}
