package dev.weir.testing;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.LoadVersioned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A file-backed test dataset type, {@code test.TextFileDataset}: a String in a UTF-8 file at {@code
 * filepath}. With {@code versioned: true} and a load version ({@code --load-versions name:v}) it
 * reads {@code <filepath>.<v>}; its versions are the suffixes of the files {@code <filepath>.*}.
 * Registered in test {@code META-INF/services/dev.weir.io.DatasetType}.
 */
public final class TextFileDatasetType implements DatasetType {

  @Override
  public List<String> names() {
    return List.of("test.TextFileDataset", TextFileDatasetType.class.getName());
  }

  @Override
  public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
    String filepath = spec.string("filepath");
    if (filepath == null) {
      throw new DatasetException("Dataset '" + spec.name() + "' needs a filepath.");
    }
    Path path = Path.of(context.resolvePath(filepath));
    Path loadPath = context.loadVersion(spec.name()).map(v -> Path.of(path + "." + v)).orElse(path);
    return new TextFile(path, loadPath, spec.bool("versioned", false));
  }

  /** The dataset. */
  public record TextFile(Path path, Path loadPath, boolean versioned)
      implements Dataset<String>, LoadVersioned {
    @Override
    public boolean acceptsLoadVersions() {
      return versioned;
    }

    @Override
    public Optional<List<String>> listVersions() {
      String prefix = path.getFileName() + ".";
      try (Stream<Path> files = Files.list(path.getParent())) {
        return Optional.of(
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length()))
                .sorted()
                .toList());
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    @Override
    public String load() {
      try {
        return Files.readString(loadPath);
      } catch (IOException e) {
        throw new DatasetException("Cannot read " + loadPath + ": " + e, e);
      }
    }

    @Override
    public void save(String data) {
      try {
        Files.createDirectories(path.getParent());
        Files.writeString(path, data);
      } catch (IOException e) {
        throw new DatasetException("Cannot write " + path + ": " + e, e);
      }
    }

    @Override
    public boolean exists() {
      return Files.exists(loadPath);
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("type", "test.TextFileDataset", "filepath", path.toString());
    }
  }
}
