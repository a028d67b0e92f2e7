package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.testing.TestProject;
import dev.weir.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors of Spark nodes as {@code weir run} prints them, through {@link Main#commandLine()} on the
 * test JVM's shared Spark session: the message points at the cause (the input whose schema changed,
 * the empty file, the exception thrown inside the write's tasks), first.
 */
class SparkRunErrorsTest {
  private static final String CATALOG =
      """
      companies:
        type: spark.SparkDataset
        filepath: data/companies.csv
        file_format: csv
        load_args:
          header: true
          inferSchema: true
      companies_table:
        type: spark.DeltaTableDataset
        filepath: data/companies_table
        write_mode: overwrite
      ratings:
        type: spark.DeltaTableDataset
        filepath: data/ratings
        write_mode: overwrite
      """;

  @TempDir Path dir;

  @BeforeAll
  static void spark() {
    TestSpark.session();
  }

  @BeforeEach
  void createProject() {
    TestProject.create(dir);
    TestProject.write(dir.resolve("conf/base/catalog_spark.yml"), CATALOG);
  }

  private Cli weir(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--project";
    all[args.length + 1] = dir.toString();
    return Cli.run(all);
  }

  private void companies(String csv) {
    TestProject.write(dir.resolve("data/companies.csv"), csv);
  }

  @Test
  void aRenamedColumnOrBadRowsInTheRawCsvNameThatInputBeforeTheTableAdvice() {
    companies("id,company_rating\n1,0.9\n2,0.5\n");
    Cli first = weir("run", "--pipelines", "spark_copy");
    assertThat(first.exitCode()).as(first.all()).isZero();

    companies("id,rating\n1,0.9\n2,0.5\n");
    Cli renamed = weir("run", "--pipelines", "spark_copy");

    assertThat(renamed.exitCode()).as(renamed.all()).isEqualTo(1);
    assertThat(renamed.err())
        .contains(
            "Node 'copy_companies' failed: The schema of input 'companies' ("
                + dir.resolve("data/companies.csv"))
        .contains(
            "changed compared with what 'companies_table' holds: new column rating; missing"
                + " column company_rating")
        .doesNotContain("\tat ");
    assertThat(renamed.err().indexOf("The schema of input 'companies'"))
        .as("the input comes before the advice to change the table")
        .isLessThan(renamed.err().indexOf("merge_schema"));

    companies("id,company_rating\n1,0.9\n2,n/a\n");
    Cli badRows = weir("run", "--pipelines", "spark_copy");

    assertThat(badRows.exitCode()).as(badRows.all()).isEqualTo(1);
    assertThat(badRows.err())
        .contains("The schema of input 'companies'")
        .contains("changed type company_rating (double -> string)");
  }

  @Test
  void anEmptyRawCsvSaysTheFileIsEmpty() {
    companies("");

    Cli cli = weir("run", "--pipelines", "spark_copy");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(1);
    assertThat(cli.err())
        .contains("Node 'copy_companies' failed: Dataset 'companies'")
        .contains(dir.resolve("data/companies.csv") + " is empty")
        .doesNotContain("empty group")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("data/companies_table")).doesNotExist();
  }

  @Test
  void aTaskThatFailsWhileWritingShowsTheUsersException() {
    companies("id,company_rating\n1,0.9\n2,abc\n");

    Cli cli = weir("run", "--pipelines", "spark_udf");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(1);
    assertThat(cli.err())
        .contains("Node 'parse_ratings' failed: Dataset 'ratings'")
        .contains("Root cause: java.lang.IllegalArgumentException: rating 'abc' is not a number")
        .doesNotContain("\tat ");
  }
}
