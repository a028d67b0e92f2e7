package dev.weir.session;

import dev.weir.ClosestNames;
import dev.weir.WeirException;
import dev.weir.config.ConfigException;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetSpec;
import dev.weir.io.LoadVersioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@code --load-versions}, made before any node runs (and by the dry run): every
 * dataset named is in the catalog, is versioned (has the {@link LoadVersioned} ability, or {@code
 * versioned: true} for a type without it), and, where its versions can be listed without reading
 * data, the version asked for exists.
 */
final class LoadVersionChecks {
  private static final int MAX_LISTED = 10;

  private LoadVersionChecks() {}

  /**
   * @param loadVersions versions by dataset name
   * @param catalog the run's catalog (built with these load versions)
   * @throws ConfigException naming every dataset whose load version cannot be used
   */
  static void validate(Map<String, String> loadVersions, DataCatalog catalog) {
    unknownNames(loadVersions, catalog);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : loadVersions.entrySet()) {
      versionProblem(e.getKey(), e.getValue(), catalog).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
  }

  private static void unknownNames(Map<String, String> loadVersions, DataCatalog catalog) {
    List<String> unknown =
        loadVersions.keySet().stream().filter(name -> !catalog.contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "--load-versions names datasets that are not in the catalog: '"
              + String.join("', '", unknown)
              + "'."
              + ClosestNames.didYouMean(unknown, catalog.listDatasets())
              + " Use the dataset names of conf/*/catalog.yml.");
    }
  }

  private static Optional<String> versionProblem(String name, String version, DataCatalog catalog) {
    Dataset<?> dataset;
    try {
      dataset = catalog.dataset(name);
    } catch (WeirException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
    boolean versioned =
        dataset instanceof LoadVersioned lv
            ? lv.acceptsLoadVersions()
            : catalog.spec(name).map(s -> s.bool("versioned", false)).orElse(false);
    if (!versioned) {
      return Optional.of(notVersioned(name, catalog));
    }
    if (dataset instanceof LoadVersioned lv) {
      Optional<List<String>> versions = lv.listVersions();
      if (versions.isPresent() && !versions.get().contains(version)) {
        return Optional.of(missingVersion(name, version, versions.get(), dataset));
      }
    }
    return Optional.empty();
  }

  private static String notVersioned(String name, DataCatalog catalog) {
    String where =
        catalog.spec(name).map(DatasetSpec::source).map(s -> " (entry in " + s + ")").orElse("");
    return "--load-versions gives a version for '"
        + name
        + "', but dataset '"
        + name
        + "' is not versioned"
        + where
        + ", so the version would be ignored. Add 'versioned: true' to its catalog entry, or"
        + " leave "
        + name
        + " out of --load-versions.";
  }

  private static String missingVersion(
      String name, String version, List<String> versions, Dataset<?> dataset) {
    Object location = dataset.describe().getOrDefault("filepath", "its location");
    if (versions.isEmpty()) {
      return "--load-versions "
          + name
          + ":"
          + version
          + ": dataset '"
          + name
          + "' has no saved version under "
          + location
          + ". Run the node that saves it first, or leave "
          + name
          + " out of --load-versions.";
    }
    List<String> shown =
        versions.size() > MAX_LISTED
            ? versions.subList(versions.size() - MAX_LISTED, versions.size())
            : versions;
    return "--load-versions "
        + name
        + ":"
        + version
        + ": that version of dataset '"
        + name
        + "' does not exist under "
        + location
        + ". Versions that exist"
        + (shown.size() < versions.size() ? " (the latest " + MAX_LISTED + ")" : "")
        + ", oldest first: "
        + String.join(", ", shown)
        + ". Pick one of them.";
  }
}
