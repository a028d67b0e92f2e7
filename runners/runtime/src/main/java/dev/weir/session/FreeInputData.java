package dev.weir.session;

import dev.weir.WeirException;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetSpec;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.ParameterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that the data of every free input (a dataset the pipeline reads and no node of it writes)
 * is there, with {@link Dataset#exists()}: no data is read. A missing raw file is a configuration
 * error found before any node runs, not a node failure.
 */
final class FreeInputData {
  private static final List<String> LOCATION_KEYS =
      List.of("filepath", "path", "table", "location", "url");

  private FreeInputData() {}

  /**
   * @param pipeline the pipeline about to run
   * @param catalog its catalog
   * @return one message per persisted free input whose data is missing; entries that cannot be
   *     created are left to the checks that report them
   */
  static List<String> missing(Pipeline pipeline, DataCatalog catalog) {
    List<String> problems = new ArrayList<>();
    for (String input : pipeline.inputs()) {
      if (ParameterInputs.isParameter(input)
          || !catalog.contains(input)
          || catalog.isMemory(input)) {
        continue;
      }
      Dataset<?> dataset;
      try {
        dataset = catalog.dataset(input);
      } catch (WeirException e) {
        continue;
      }
      if (!dataset.exists()) {
        problems.add(message(input, dataset, catalog));
      }
    }
    return problems;
  }

  private static String message(String name, Dataset<?> dataset, DataCatalog catalog) {
    String where = location(dataset.describe());
    String source = catalog.spec(name).map(DatasetSpec::source).orElse("the catalog");
    return "Free input '"
        + name
        + "' (read by a node, written by none) has no data at "
        + where
        + ". Put the data there, or fix the entry '"
        + name
        + "' in "
        + source
        + ".";
  }

  private static String location(Map<String, Object> description) {
    for (String key : LOCATION_KEYS) {
      Object value = description.get(key);
      if (value != null) {
        return value.toString();
      }
    }
    return "its configured location";
  }
}
