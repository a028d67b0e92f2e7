package dev.weir.node;

import java.util.List;

/**
 * Kedro's transcoding: {@code companies@spark} and {@code companies@delta} are two views of the
 * same dataset {@code companies} (kedro/pipeline/transcoding.py). Nodes and pipelines compare
 * dataset names after {@link #strip(String)}.
 */
public final class Transcoding {
  /** The separator between a dataset name and its transcoding suffix. */
  public static final char SEPARATOR = '@';

  private Transcoding() {}

  /**
   * @param datasetName a dataset name, with or without a suffix
   * @return the name without its transcoding suffix: {@code a@spark} gives {@code a}
   * @throws NodeException when the name holds more than one {@code @}, as Kedro refuses it
   */
  public static String strip(String datasetName) {
    int at = datasetName.indexOf(SEPARATOR);
    if (at < 0) {
      return datasetName;
    }
    if (datasetName.indexOf(SEPARATOR, at + 1) >= 0) {
      throw new NodeException(NodeException.Kind.TRANSCODING, List.of(datasetName));
    }
    return datasetName.substring(0, at);
  }

  /**
   * @param datasetName a dataset name
   * @return the suffix after {@code @} ({@code spark} for {@code a@spark}), or {@code ""} without
   *     one
   */
  public static String suffix(String datasetName) {
    int at = datasetName.indexOf(SEPARATOR);
    return at < 0 ? "" : datasetName.substring(at + 1);
  }

  /**
   * @param datasetName a dataset name
   * @return whether it carries a transcoding suffix
   */
  public static boolean isTranscoded(String datasetName) {
    return datasetName.indexOf(SEPARATOR) >= 0;
  }
}
