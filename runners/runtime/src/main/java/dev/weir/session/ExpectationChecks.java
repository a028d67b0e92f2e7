package dev.weir.session;

import dev.weir.WeirException;
import dev.weir.datasets.Expectations;
import dev.weir.datasets.spark.ChecksExpectations;
import dev.weir.io.CachedDataset;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetSpec;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.ParameterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the catalog {@code expectations:} of every dataset the pipeline reads or writes, before
 * any node runs and in {@code --dry-run}: the entry parses and each expression parses (when the
 * dataset is created, see {@code dev.weir.datasets.spark.SparkExpectations}), the type checks
 * expectations at all, and, where the schema is known (declared in {@code load_args.schema}, or of
 * the existing data), each expression refers only to existing columns and is a boolean ({@link
 * ChecksExpectations#expectationProblems()}). Only datasets that declare expectations are created
 * here, and only they may start Spark.
 */
final class ExpectationChecks {
  private ExpectationChecks() {}

  /**
   * @param pipeline the pipeline about to run
   * @param catalog its catalog
   * @param creationErrors whether to report an entry that cannot be created (the dry run's catalog
   *     check reports those already)
   * @return one message per problem, each naming the catalog file, entry and expectation
   */
  static List<String> problems(Pipeline pipeline, DataCatalog catalog, boolean creationErrors) {
    List<String> problems = new ArrayList<>();
    for (String name : pipeline.datasets()) {
      if (ParameterInputs.isParameter(name) || !catalog.contains(name)) {
        continue;
      }
      Optional<DatasetSpec> spec;
      try {
        spec = catalog.spec(name);
      } catch (WeirException e) {
        continue; // reported where the entry is created
      }
      if (spec.isEmpty() || !spec.get().config().containsKey(Expectations.KEY)) {
        continue;
      }
      Dataset<?> dataset;
      try {
        dataset = catalog.dataset(name);
      } catch (WeirException e) {
        if (creationErrors) {
          problems.add(String.valueOf(e.getMessage()));
        }
        continue;
      }
      if (dataset instanceof CachedDataset<?> cached) {
        dataset = cached.dataset(); // cached: true wraps the type that checks the expectations
      }
      if (!(dataset instanceof ChecksExpectations checks)) {
        problems.add(
            "Dataset '"
                + name
                + "' ("
                + spec.get().type()
                + (spec.get().source() == null ? "" : ", in " + spec.get().source())
                + ") has 'expectations', but its type does not check them; only Spark datasets"
                + " do (spark.SparkDataset, spark.DeltaTableDataset, spark.SparkTableDataset)."
                + " Remove them, or store the data with one of those types.");
        continue;
      }
      try {
        problems.addAll(checks.expectationProblems());
      } catch (WeirException e) {
        problems.add(String.valueOf(e.getMessage()));
      }
    }
    return problems;
  }
}
