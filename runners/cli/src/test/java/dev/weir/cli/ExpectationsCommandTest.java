package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.testing.TestProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog expectations through the command line ({@link Main#commandLine()}): {@code weir run
 * --dry-run} refuses an expression that does not parse, one that names a missing column of the
 * declared schema, and expectations on a type that cannot check them, each naming the catalog file
 * and entry; {@code weir catalog list} shows the expectations.
 */
class ExpectationsCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void createProject() {
    TestProject.create(dir);
  }

  private Cli weir(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--project");
    all.add(dir.toString());
    return Cli.run(all.toArray(String[]::new));
  }

  /** Declares the memory dataset {@code cleaned} as a Spark dataset with a known schema. */
  private void cleanedWith(String expectations) {
    Path catalog = dir.resolve("conf/base/catalog.yml");
    TestProject.write(
        catalog,
        TestProject.read(catalog)
            + """

            cleaned:
              type: spark.SparkDataset
              filepath: data/cleaned.parquet
              load_args:
                schema: "name STRING, price DOUBLE"
              expectations:
            """
            + expectations);
  }

  @Test
  void dryRunRefusesAnExpressionThatDoesNotParse() {
    cleanedWith("    positive: {expr: \"price >\", on_violation: drop}\n");

    Cli cli = weir("run", "--dry-run");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err())
        .contains("Dataset 'cleaned' (spark.SparkDataset, in ")
        .contains("catalog.yml")
        .contains("expectation 'positive'")
        .contains("does not parse")
        .doesNotContain("\tat ")
        .doesNotContain(TestProject.SECRET);
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void dryRunRefusesAnUnknownColumnOfTheDeclaredSchema() {
    cleanedWith("    known: \"nmae IS NOT NULL\"\n    positive: \"price > 0\"\n");

    Cli cli = weir("run", "--dry-run");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err())
        .contains("expectations: Dataset 'cleaned' (spark.SparkDataset, in ")
        .contains("catalog.yml")
        .contains("expectation 'known'")
        .contains("nmae")
        .contains("name, price")
        .doesNotContain("expectation 'positive'")
        .doesNotContain("\tat ");
  }

  @Test
  void expectationsOnATypeThatCannotCheckThemAreRefusedBeforeAnyNodeRuns() {
    Path catalog = dir.resolve("conf/base/catalog.yml");
    TestProject.write(
        catalog,
        TestProject.read(catalog)
            .replace(
                "  filepath: data/summary.txt\n",
                "  filepath: data/summary.txt\n  expectations:\n    short: \"length(value) < 10\"\n"));

    for (String[] args : List.of(new String[] {"run", "--dry-run"}, new String[] {"run"})) {
      Cli cli = weir(args);

      assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
      assertThat(cli.err())
          .contains("Dataset 'summary' (test.TextFileDataset")
          .contains("catalog.yml")
          .contains("its type does not check them")
          .contains("spark.DeltaTableDataset");
      assertThat(dir.resolve("data/summary.txt")).doesNotExist();
    }
  }

  @Test
  void catalogListShowsTheExpectations() throws Exception {
    cleanedWith(
        "    positive: {expr: \"price > 0\", on_violation: drop}\n    named: \"name IS NOT NULL\"\n");

    Cli text = weir("catalog", "list", "--pipelines", "__default__");
    assertThat(text.exitCode()).as(text.all()).isZero();
    assertThat(text.out())
        .contains(
            "cleaned  spark.SparkDataset\n"
                + "    location:   data/cleaned.parquet\n"
                + "    expects:    positive: price > 0 [drop, on save]\n"
                + "    expects:    named: name IS NOT NULL [warn, on save]\n");

    Cli json = weir("catalog", "list", "--json", "--pipelines", "__default__");
    assertThat(json.exitCode()).as(json.all()).isZero();
    JsonNode cleaned = null;
    for (JsonNode n : new ObjectMapper().readTree(json.out())) {
      if (n.get("name").asText().equals("cleaned")) {
        cleaned = n;
      }
    }
    assertThat(cleaned).isNotNull();
    JsonNode expectations = cleaned.get("expectations");
    assertThat(expectations).hasSize(2);
    assertThat(expectations.get(0).get("name").asText()).isEqualTo("positive");
    assertThat(expectations.get(0).get("expr").asText()).isEqualTo("price > 0");
    assertThat(expectations.get(0).get("on_violation").asText()).isEqualTo("drop");
    assertThat(expectations.get(1).get("on_violation").asText()).isEqualTo("warn");
    assertThat(expectations.get(1).get("check_on").asText()).isEqualTo("save");
  }
}
