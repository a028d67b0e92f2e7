package dev.weir.datasets.local;

import dev.weir.datasets.files.LocalFile;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dataset stored as one local file, without Spark: reading decodes the whole file, saving encodes
 * the value into a staging file that replaces the target only when complete (see {@link
 * LocalFile}). Versionable as Kedro's file datasets.
 *
 * @param <T> the loaded value's type
 */
public abstract class LocalFileDataset<T> implements Dataset<T>, dev.weir.io.LoadVersioned {
  private final DatasetSpec spec;
  private final LocalFile file;

  /**
   * @param spec the catalog entry (for names in messages and {@link #describe()})
   * @param file the file behind the dataset
   */
  protected LocalFileDataset(DatasetSpec spec, LocalFile file) {
    this.spec = spec;
    this.file = file;
  }

  /**
   * @param bytes the whole file
   * @return the value
   * @throws IOException when the content is malformed
   */
  protected abstract T decode(byte[] bytes) throws IOException;

  /**
   * @param data the value
   * @param out where to write it
   * @throws IOException when the value cannot be encoded
   */
  protected abstract void encode(T data, OutputStream out) throws IOException;

  @Override
  public T load() {
    Path path = file.loadPath();
    try {
      return decode(Files.readAllBytes(path));
    } catch (IOException | RuntimeException e) {
      throw new DatasetException(
          "Dataset '" + spec.name() + "': could not read " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(T data) {
    if (data == null) {
      throw new DatasetException("Dataset '" + spec.name() + "': cannot save null.");
    }
    file.write(out -> encode(data, out));
  }

  @Override
  public boolean exists() {
    return file.exists();
  }

  @Override
  public boolean acceptsLoadVersions() {
    return file.versioned();
  }

  @Override
  public java.util.Optional<java.util.List<String>> listVersions() {
    return java.util.Optional.of(file.savedVersions());
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", spec.name());
    d.put("type", spec.type());
    d.put("filepath", file.path().toString());
    d.put("versioned", file.versioned());
    return Map.copyOf(d);
  }

  /**
   * @return the catalog entry
   */
  protected DatasetSpec spec() {
    return spec;
  }
}
