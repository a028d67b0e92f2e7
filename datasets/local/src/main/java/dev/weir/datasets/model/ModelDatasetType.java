package dev.weir.datasets.model;

import dev.weir.datasets.Specs;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code java.ModelDataset}: keys {@code filepath} (required), {@code versioned}, {@code backend}
 * ({@code json} default, or {@code java_serialization}), {@code model_class} (the class to load the
 * JSON into; recommended, see {@link ModelDataset}'s warning).
 */
public final class ModelDatasetType implements DatasetType {
  @Override
  public List<String> names() {
    return List.of("java.ModelDataset", ModelDataset.class.getName());
  }

  @Override
  public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
    Specs.requireKnownKeys(spec, Set.of("filepath", "versioned", "backend", "model_class"));
    String backend = Specs.oneOf(spec, "backend", List.of("json", "java_serialization"), "json");
    return new ModelDataset(
        spec,
        LocalFile.of(spec, context),
        ModelDataset.Backend.valueOf(backend.toUpperCase(Locale.ROOT)),
        spec.string("model_class"));
  }
}
