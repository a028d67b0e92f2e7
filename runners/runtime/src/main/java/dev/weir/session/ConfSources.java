package dev.weir.session;

import dev.weir.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the configuration directory. A packaged job (a JAR run on Databricks) carries its {@code
 * conf/} inside the JAR: the directory holding the {@code conf/base} resource is opened as a zip
 * {@link FileSystem} path, which {@link dev.weir.config.ConfigLoader} reads like a local one.
 */
public final class ConfSources {
  private static final String CLASSPATH = "classpath:";

  private ConfSources() {}

  /**
   * @param option {@code --conf-source} as given, or {@code null}
   * @param project the project root
   * @return {@code option} (relative to the project), else {@code <project>/conf} when it exists,
   *     else the packaged {@code conf/}, else {@code <project>/conf} (the loader then says what is
   *     missing)
   * @throws ConfigException when {@code classpath:} names no packaged directory
   */
  public static Path resolve(@Nullable String option, Path project) {
    if (option != null && option.startsWith(CLASSPATH)) {
      String name = trim(option.substring(CLASSPATH.length()));
      Path packaged = packaged(name);
      if (packaged == null) {
        throw new ConfigException(
            "--conf-source "
                + option
                + ": no '"
                + name
                + "/base' directory is packaged on the class path. Package the project's conf/"
                + " directory in the job JAR (src/main/resources/"
                + name
                + ") or give a directory.");
      }
      return packaged;
    }
    if (option != null) {
      return project.resolve(DatabricksPaths.local(option)).normalize();
    }
    Path local = project.resolve("conf");
    if (Files.isDirectory(local)) {
      return local;
    }
    Path packaged = packaged("conf");
    return packaged != null ? packaged : local;
  }

  private static String trim(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }

  private static @Nullable Path packaged(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    URL base =
        (loader != null ? loader : ConfSources.class.getClassLoader()).getResource(name + "/base");
    if (base == null) {
      return null;
    }
    try {
      URI uri = base.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/" + name);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new ConfigException(
          "Cannot open the packaged configuration at " + base + ": " + e.getMessage(), e);
    }
  }
}
