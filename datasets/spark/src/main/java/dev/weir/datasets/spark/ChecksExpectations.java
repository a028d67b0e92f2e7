package dev.weir.datasets.spark;

import dev.weir.datasets.Expectations;
import java.util.List;

/**
 * A dataset ability: it checks catalog {@code expectations:} on save or load ({@link
 * SparkExpectations}). The session asks for it before any node runs (and {@code --dry-run}), to
 * check each expression against the dataset's schema where that is known.
 */
public interface ChecksExpectations {

  /**
   * @return the dataset's expectations, possibly none
   */
  Expectations expectations();

  /**
   * Checks every expression against the schema declared in the catalog ({@code load_args.schema}),
   * else, for {@code check_on: load}, that of the existing data when reading it needs no scan (not
   * CSV, JSON, XML or text); does nothing otherwise: {@code SparkExpectations#check} then checks
   * the expressions against the DataFrame at the save or load. May start Spark.
   *
   * @return one problem per expression that refers to a missing column or is not a boolean, each
   *     naming the catalog file, entry and expectation; empty when all fit or the schema is unknown
   */
  List<String> expectationProblems();
}
