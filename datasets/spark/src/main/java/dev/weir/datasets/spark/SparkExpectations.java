package dev.weir.datasets.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.weir.datasets.Expectations;
import dev.weir.datasets.Specs;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.Expectation;
import dev.weir.io.ExpectationListener;
import dev.weir.io.ExpectationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a Spark dataset's catalog {@code expectations:} ({@link Expectations}) on a DataFrame with
 * the DataFrame API only, so it works the same on classic Spark and over Spark Connect.
 *
 * <p>One pass: a single aggregation ({@code df.agg(count(1), sum(when(ok_1, 0).otherwise(1)),
 * ...)}) computes the row count and every expectation's violation count, whatever the number of
 * expectations; the data is then computed again by the write itself (a node's output is a lazy
 * plan: a non-deterministic plan may give other rows to the write than to the check). Then: {@code
 * fail} with a violation throws before anything is written (a second small query fetches up to five
 * violating rows for the message); {@code drop} filters the violating rows out of what is written;
 * {@code warn} keeps them. The results go to the run's {@link ExpectationListener} before the save
 * goes on or fails.
 *
 * <p>NULL: a row passes only when the expression is {@code true}; {@code false} and NULL are
 * violations ({@code coalesce(expr, false)}). Source: the Lakeflow Spark Declarative Pipelines
 * expectations reference (docs.databricks.com/aws/en/dlt-ref/dlt-python-ref-expectations: "a SQL
 * conditional statement that must evaluate to true or false for each record ... When a record fails
 * this condition, the expectation is triggered") and {@code expect_or_drop}, which keeps the rows a
 * {@code WHERE} on the constraint keeps (a {@code WHERE} drops NULL). Unlike a Delta {@code CHECK}
 * constraint, which follows SQL's {@code CHECK} and lets NULL pass: write {@code col IS NULL OR
 * ...} to let NULLs through.
 */
public final class SparkExpectations {
  private static final Logger LOG = LoggerFactory.getLogger(SparkExpectations.class);
  private static final int SHOWN_ROWS = 5;
  private static final int MAX_ROW_CHARS = 300;

  private final DatasetSpec spec;
  private final Expectations expectations;
  // What pinned() checked and persisted, so that the save that follows does not check it again.
  private @Nullable Dataset<Row> checkedForSave;

  private SparkExpectations(DatasetSpec spec, Expectations expectations) {
    this.spec = spec;
    this.expectations = expectations;
  }

  /**
   * Parses the entry's expectations and each expression (with Spark's grammar, no session).
   *
   * @param spec the catalog entry
   * @return the checks, possibly none
   * @throws DatasetException for a bad entry or an expression that does not parse, naming the
   *     catalog file, the entry and the expectation
   */
  static SparkExpectations of(DatasetSpec spec) {
    Expectations parsed = Expectations.of(spec);
    for (Expectation e : parsed.list()) {
      String error;
      try {
        error = SqlBaseParsers.expressionSyntaxError(e.expr());
      } catch (LinkageError noParser) {
        error = null; // Databricks Connect has no Spark parser: Spark reports it on evaluation
      }
      if (error != null) {
        throw new DatasetException(
            where(spec, e)
                + " does not parse as a Spark SQL expression: "
                + error
                + ". Write a boolean such as \"price > 0\" or \"id IS NOT NULL\".");
      }
    }
    return new SparkExpectations(spec, parsed);
  }

  /**
   * @return the expectations as declared
   */
  public Expectations expectations() {
    return expectations;
  }

  /**
   * The data a save writes: checked by the save expectations, unless the entry checks on load or
   * {@code data} is what {@link #pinned} returned just before (already checked).
   *
   * @param data the DataFrame about to be saved
   * @param context the run's context, for its {@link ExpectationListener}
   * @return the data to write
   * @throws DatasetException as {@link #check}
   */
  synchronized Dataset<Row> beforeSave(Dataset<Row> data, DatasetContext context) {
    boolean alreadyChecked = data == checkedForSave;
    checkedForSave = null;
    return expectations.onLoad() || alreadyChecked ? data : check(data, Expectations.SAVE, context);
  }

  /**
   * For {@code cached: true}: checks the save expectations first (a {@code drop} removes rows),
   * then persists the result ({@link SparkCaching}), so later loads get the rows written and the
   * {@link #beforeSave} that follows does not check them twice.
   *
   * @param data the node's output
   * @param context the run's context, for its {@link ExpectationListener}
   * @return the checked, persisted DataFrame
   * @throws DatasetException as {@link #check}
   */
  synchronized Dataset<Row> pinned(Dataset<Row> data, DatasetContext context) {
    SparkSessions.activate(data.sparkSession());
    Dataset<Row> checked = expectations.onLoad() ? data : check(data, Expectations.SAVE, context);
    Dataset<Row> pinned = SparkCaching.pin(checked);
    checkedForSave = pinned;
    return pinned;
  }

  /**
   * Checks the data and applies the actions.
   *
   * @param data the DataFrame about to be saved (or just loaded)
   * @param checkedOn {@code save} or {@code load}
   * @param context the run's context, for its {@link ExpectationListener}
   * @return the data to save or return: {@code data} itself, or without the rows a {@code drop}
   *     expectation rejects
   * @throws DatasetException when a {@code fail} expectation has violations, naming the dataset,
   *     the expectation, the count and up to five violating rows; nothing has been written
   */
  Dataset<Row> check(Dataset<Row> data, String checkedOn, DatasetContext context) {
    List<Expectation> list = expectations.list();
    if (list.isEmpty()) {
      return data;
    }
    // Before the aggregation, so that an expression that does not fit the columns gets the same
    // message as in the pre-run check, which skips schemas Spark infers from the data.
    List<String> problems = schemaProblems(data.sparkSession(), data.schema());
    if (!problems.isEmpty()) {
      throw new DatasetException(
          String.join("\n", problems)
              + " Nothing was "
              + ("save".equals(checkedOn) ? "saved." : "loaded."));
    }
    List<Column> columns = new ArrayList<>();
    for (Expectation e : list) {
      columns.add(sum(when(passes(e), lit(0L)).otherwise(lit(1L))));
    }
    Row counts;
    try {
      counts = data.agg(count(lit(1)), columns.toArray(Column[]::new)).first();
    } catch (Exception ex) {
      throw SparkErrors.wrap(spec.name(), "check the expectations of " + Specs.where(spec), ex);
    }
    long rows = counts.getLong(0);
    List<ExpectationResult> results = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      long violations = counts.isNullAt(i + 1) ? 0 : counts.getLong(i + 1);
      results.add(new ExpectationResult(spec.name(), list.get(i), checkedOn, rows, violations));
    }
    context
        .findService(ExpectationListener.class)
        .ifPresent(l -> l.expectationsChecked(spec.name(), results));
    Column keep = null;
    for (ExpectationResult r : results) {
      if (r.failed()) {
        throw failure(data, r, checkedOn);
      }
      if (r.violations() > 0) {
        LOG.warn(
            "Dataset '{}': expectation '{}' ({}) violated by {} of {} rows; {}",
            spec.name(),
            r.expectation().name(),
            r.expectation().expr(),
            r.violations(),
            rows,
            r.expectation().onViolation() == Expectation.OnViolation.DROP
                ? "they are dropped"
                : "they are kept (warn)");
      }
      if (r.expectation().onViolation() == Expectation.OnViolation.DROP) {
        Column ok = passes(r.expectation());
        keep = keep == null ? ok : keep.and(ok);
      }
    }
    return keep == null ? data : data.filter(keep);
  }

  private DatasetException failure(Dataset<Row> data, ExpectationResult r, String checkedOn) {
    List<String> shown = new ArrayList<>();
    try {
      for (Row row : data.filter(not(passes(r.expectation()))).limit(SHOWN_ROWS).collectAsList()) {
        String text = rowText(row);
        shown.add(text.length() > MAX_ROW_CHARS ? text.substring(0, MAX_ROW_CHARS) + "..." : text);
      }
    } catch (Exception ex) {
      shown.add("(the violating rows could not be read: " + ex.getClass().getSimpleName() + ")");
    }
    String outcome =
        "save".equals(checkedOn)
            ? "nothing was saved and the data saved before stays as it was"
            : "the data was not handed to the node";
    return new DatasetException(
        where(spec, r.expectation())
            + " ("
            + r.expectation().expr()
            + ", on_violation: fail) was violated by "
            + String.format(Locale.ROOT, "%,d of %,d", r.violations(), r.rowsChecked())
            + " rows on "
            + checkedOn
            + "; "
            + outcome
            + ". Up to five violating rows:\n    "
            + String.join("\n    ", shown)
            + "\nFix the data in the node that produces it, or set on_violation to drop or warn.");
  }

  private static String rowText(Row row) {
    try {
      return row.json();
    } catch (RuntimeException e) {
      return row.toString();
    }
  }

  /**
   * Checks each expression against a known schema with Spark's analyser over an empty DataFrame of
   * that schema ({@code createDataFrame(List.of(), schema).select(expr(...)).schema()}, which
   * computes nothing and works over Spark Connect): its columns exist and it is a boolean.
   *
   * @param spark the session
   * @param schema the dataset's schema (declared in the catalog, or of the existing data)
   * @return one problem per expectation that does not fit, naming the catalog file and entry
   */
  List<String> schemaProblems(SparkSession spark, StructType schema) {
    List<String> problems = new ArrayList<>();
    Dataset<Row> empty = spark.createDataFrame(List.<Row>of(), schema);
    for (Expectation e : expectations.list()) {
      try {
        DataType type = empty.select(expr(e.expr())).schema().fields()[0].dataType();
        if (!(type instanceof BooleanType)) {
          problems.add(
              where(spec, e)
                  + " ("
                  + e.expr()
                  + ") is of type "
                  + type.simpleString()
                  + ", not a boolean. Compare it, for example \""
                  + e.expr()
                  + " > 0\".");
        }
      } catch (Exception ex) {
        // Scala throws AnalysisException, a checked exception Java cannot name here.
        problems.add(
            where(spec, e)
                + " ("
                + e.expr()
                + ") does not fit the dataset's columns ("
                + String.join(", ", schema.fieldNames())
                + "): "
                + firstLine(String.valueOf(ex.getMessage()))
                + " Fix the expression or the column name.");
      }
    }
    return problems;
  }

  private static Column passes(Expectation e) {
    return coalesce(expr(e.expr()), lit(false));
  }

  private static String where(DatasetSpec spec, Expectation e) {
    return Specs.where(spec) + ", expectation '" + e.name() + "'";
  }

  private static String firstLine(String message) {
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
