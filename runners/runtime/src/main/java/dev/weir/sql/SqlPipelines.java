package dev.weir.sql;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Assembles a pipeline from a folder of {@code .sql} files, one SQL node per file (see {@link
 * SqlFiles} for the {@code -- weir:} header). The node name is the file name without {@code .sql}
 * unless the header names it. Files are read in name order, sub-folders included.
 *
 * <pre>{@code
 * Pipeline reporting = SqlPipelines.fromResources("sql/reporting"); // src/main/resources/sql/reporting
 * }</pre>
 */
public final class SqlPipelines {
  private SqlPipelines() {}

  /**
   * Reads {@code .sql} resources under a class-path folder, from directories (an IDE, {@code
   * target/classes}) and from JARs (a packaged job) alike.
   *
   * @param folder the folder, for example {@code sql/reporting} (no leading {@code /})
   * @return the pipeline
   * @throws SqlNodeException when the folder is not on the class path, holds no {@code .sql} file,
   *     or a file's header is malformed (named with its line)
   * @throws UncheckedIOException when a resource cannot be read
   */
  public static Pipeline fromResources(String folder) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return fromResources(folder, loader != null ? loader : SqlPipelines.class.getClassLoader());
  }

  /**
   * @param folder the folder, for example {@code sql/reporting}
   * @param loader the class loader to list and read resources with
   * @return the pipeline
   * @throws SqlNodeException when the folder is missing or empty, or a header is malformed
   */
  public static Pipeline fromResources(String folder, ClassLoader loader) {
    String prefix = folder.replaceAll("^/+", "").replaceAll("/+$", "");
    TreeMap<String, String> files = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(prefix);
      if (!roots.hasMoreElements()) {
        throw new SqlNodeException(
            "No resource folder '"
                + prefix
                + "' on the class path. Put the .sql files under"
                + " src/main/resources/"
                + prefix
                + "/.");
      }
      for (URL root : Collections.list(roots)) {
        if ("jar".equals(root.getProtocol())) {
          readJar(root, prefix, files);
        } else {
          Path dir = Path.of(root.toURI());
          for (Path file : sqlFiles(dir)) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            files.putIfAbsent(prefix + "/" + rel, Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the SQL resources under " + prefix, e);
    } catch (URISyntaxException e) {
      throw new SqlNodeException("Cannot list the SQL resources under " + prefix + ": " + e);
    }
    return build(files, "resource folder '" + prefix + "'");
  }

  /**
   * @param dir a folder of {@code .sql} files (also inside a zip file system)
   * @return the pipeline
   * @throws SqlNodeException when the folder holds no {@code .sql} file or a header is malformed
   * @throws UncheckedIOException when the folder cannot be read
   */
  public static Pipeline fromDirectory(Path dir) {
    TreeMap<String, String> files = new TreeMap<>();
    try {
      for (Path file : sqlFiles(dir)) {
        files.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the SQL files under " + dir, e);
    }
    return build(files, "folder " + dir);
  }

  private static List<Path> sqlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  private static void readJar(URL root, String prefix, TreeMap<String, String> out)
      throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(prefix + "/") && name.endsWith(".sql")) {
          try (InputStream in = jar.getInputStream(entry)) {
            out.putIfAbsent(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  private static Pipeline build(TreeMap<String, String> files, String where) {
    if (files.isEmpty()) {
      throw new SqlNodeException(
          "The "
              + where
              + " holds no .sql file; add one per SQL node, each starting with"
              + " '-- weir: output=<dataset>'.");
    }
    List<Node> nodes = new ArrayList<>();
    files.forEach(
        (location, text) -> {
          String fileName = location.substring(location.lastIndexOf('/') + 1);
          fileName = fileName.substring(fileName.lastIndexOf(java.io.File.separatorChar) + 1);
          String name = fileName.substring(0, fileName.length() - ".sql".length());
          nodes.add(SqlFiles.read(location, text, name));
        });
    return Pipeline.of(nodes);
  }
}
