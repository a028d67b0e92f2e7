package dev.weir.datasets.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the Hadoop scheme {@value #SCHEME} ({@code recfs://<authority>/abs/path} is
 * the local file {@code /abs/path}), which records the cloud-storage options ({@code fs.s3a.*},
 * {@code fs.azure.*}, {@code fs.gs.*}) of every configuration it is initialised with, by URI
 * authority. {@link SharedSpark} registers it ({@code spark.hadoop.fs.recfs.impl}) with Hadoop's
 * file-system cache off for the scheme ({@code fs.recfs.impl.disable.cache}), so every {@code
 * Path.getFileSystem(conf)} makes a new instance that sees that call's configuration.
 */
public class RecordingFileSystem extends RawLocalFileSystem {
  /** The URI scheme. */
  public static final String SCHEME = "recfs";

  private static final List<String> RECORDED = List.of("fs.s3a.", "fs.azure.", "fs.gs.");
  private static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

  private static final URI NO_AUTHORITY = URI.create(SCHEME + ":///");

  /**
   * Null while RawLocalFileSystem's constructor asks for it (before this class's fields are set).
   */
  private URI uri;

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    String authority = name.getAuthority() == null ? "" : name.getAuthority();
    uri = URI.create(SCHEME + "://" + authority + "/");
    super.initialize(name, conf);
    Set<String> seen = SEEN.computeIfAbsent(authority, a -> ConcurrentHashMap.newKeySet());
    for (Map.Entry<String, String> e : conf) {
      if (RECORDED.stream().anyMatch(e.getKey()::startsWith)) {
        seen.add(e.getKey() + "=" + conf.get(e.getKey()));
      }
    }
  }

  @Override
  public URI getUri() {
    return uri == null ? NO_AUTHORITY : uri;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  /**
   * @param authority the URI authority, as in {@code recfs://<authority>/...}
   * @return {@code key=value} of every cloud-storage option a file system for that authority was
   *     initialised with
   */
  public static Set<String> optionsSeen(String authority) {
    return Set.copyOf(SEEN.getOrDefault(authority, Set.of()));
  }
}
