package dev.weir.io;

import java.util.List;
import java.util.Optional;

/**
 * A dataset ability: it loads a given version ({@code --load-versions name:version}). A file
 * dataset with {@code versioned: true} has it, as does a Delta table (time travel). The session
 * asks for this ability before a run, so that a load version given for a dataset without it, or a
 * version that does not exist, is refused before any node runs.
 */
public interface LoadVersioned {

  /**
   * @return whether a load version applies to this dataset as configured (for a file dataset:
   *     {@code versioned: true})
   */
  boolean acceptsLoadVersions();

  /**
   * The versions that can be loaded, found without reading any data.
   *
   * @return the versions, oldest first; empty when they cannot be listed this way (for example on a
   *     remote file system or a table whose history needs Spark)
   */
  default Optional<List<String>> listVersions() {
    return Optional.empty();
  }
}
