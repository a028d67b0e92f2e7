package dev.weir.datasets.local;

import dev.weir.datasets.Specs;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link DatasetType}s of the local file datasets, one nested class per catalog type. Keys:
 * {@code filepath} (required), {@code versioned}; JSON also {@code save_args.indent}; text also
 * {@code encoding}.
 */
public final class LocalFileTypes {
  private LocalFileTypes() {}

  /** {@code json.JSONDataset}: see {@link JsonDataset}. */
  public static final class Json implements DatasetType {
    @Override
    public List<String> names() {
      return List.of("json.JSONDataset", JsonDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, Set.of("filepath", "versioned", "save_args"));
      Map<String, Object> saveArgs = spec.map("save_args");
      Object indent = saveArgs.getOrDefault("indent", 2);
      boolean pretty = !(indent instanceof Number n && n.intValue() == 0);
      return new JsonDataset(spec, LocalFile.of(spec, context), pretty);
    }
  }

  /** {@code yaml.YAMLDataset}: see {@link YamlDataset}. */
  public static final class Yaml implements DatasetType {
    @Override
    public List<String> names() {
      return List.of("yaml.YAMLDataset", YamlDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, Set.of("filepath", "versioned"));
      return new YamlDataset(spec, LocalFile.of(spec, context));
    }
  }

  /** {@code text.TextDataset}: see {@link TextDataset}. */
  public static final class Text implements DatasetType {
    @Override
    public List<String> names() {
      return List.of("text.TextDataset", TextDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, Set.of("filepath", "versioned", "encoding"));
      String encoding = spec.string("encoding");
      Charset charset;
      try {
        charset =
            encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw new DatasetException(
            Specs.where(spec) + ": unknown encoding '" + encoding + "'. Use for example UTF-8.", e);
      }
      return new TextDataset(spec, LocalFile.of(spec, context), charset);
    }
  }

  /** {@code binary.BinaryDataset}: see {@link BinaryDataset}. */
  public static final class Binary implements DatasetType {
    @Override
    public List<String> names() {
      return List.of("binary.BinaryDataset", BinaryDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, Set.of("filepath", "versioned"));
      return new BinaryDataset(spec, LocalFile.of(spec, context));
    }
  }
}
