package dev.weir.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.Expectation;
import dev.weir.io.Expectation.OnViolation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and validating the catalog's {@code expectations:} and {@code check_on:} keys. */
class ExpectationsTest {

  private static DatasetSpec spec(Map<String, Object> config) {
    return new DatasetSpec(
        "model_input_table", "spark.DeltaTableDataset", config, Map.of(), "conf/base/catalog.yml");
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void longAndShortFormsInCatalogOrderWithWarnAsDefault() {
    Expectations e =
        Expectations.of(
            spec(
                Map.of(
                    "expectations",
                    ordered(
                        "valid_price", Map.of("expr", "price > 0", "on_violation", "fail"),
                        "rated",
                            Map.of(
                                "expr", "review_scores_rating BETWEEN 0 AND 100",
                                "on_violation", "DROP"),
                        "known_company", "company_id IS NOT NULL",
                        "no_action", Map.of("expr", "id > 0")))));
    assertThat(e.list())
        .containsExactly(
            new Expectation("valid_price", "price > 0", OnViolation.FAIL),
            new Expectation("rated", "review_scores_rating BETWEEN 0 AND 100", OnViolation.DROP),
            new Expectation("known_company", "company_id IS NOT NULL", OnViolation.WARN),
            new Expectation("no_action", "id > 0", OnViolation.WARN));
    assertThat(e.checkOn()).isEqualTo("save");
    assertThat(e.onLoad()).isFalse();
  }

  @Test
  void checkOnLoad() {
    Expectations e =
        Expectations.of(spec(Map.of("expectations", Map.of("a", "x > 0"), "check_on", "load")));
    assertThat(e.onLoad()).isTrue();
    assertThat(Expectations.of(spec(Map.of())).isEmpty()).isTrue();
  }

  @Test
  void anUnknownActionNamesFileEntryExpectationAndTheClosestAction() {
    assertThatThrownBy(
            () ->
                Expectations.of(
                    spec(
                        Map.of(
                            "expectations",
                            Map.of(
                                "valid_price",
                                Map.of("expr", "price > 0", "on_violation", "dorp"))))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'model_input_table'")
        .hasMessageContaining("conf/base/catalog.yml")
        .hasMessageContaining("expectation 'valid_price'")
        .hasMessageContaining("dorp")
        .hasMessageContaining("Did you mean: drop");
  }

  @Test
  void anUnknownKeyNamesTheClosestKey() {
    assertThatThrownBy(
            () ->
                Expectations.of(
                    spec(
                        Map.of("expectations", Map.of("valid_price", Map.of("exp", "price > 0"))))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("expectation 'valid_price'")
        .hasMessageContaining("'exp'")
        .hasMessageContaining("expr");
  }

  @Test
  void badCheckOnNamesTheValidValues() {
    assertThatThrownBy(
            () ->
                Expectations.of(
                    spec(Map.of("expectations", Map.of("a", "x > 0"), "check_on", "loda"))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("check_on 'loda' is not valid")
        .hasMessageContaining("load");
  }

  @Test
  void shapesAndNamesAreChecked() {
    assertThatThrownBy(() -> Expectations.of(spec(Map.of("expectations", List.of("x > 0")))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("must be a mapping");
    assertThatThrownBy(() -> Expectations.of(spec(Map.of("expectations", Map.of("a b!", "x")))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("expectation 'a b!'")
        .hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> Expectations.of(spec(Map.of("expectations", Map.of("a", " ")))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("empty expr");
    assertThatThrownBy(() -> Expectations.of(spec(Map.of("check_on", "load"))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no expectations");
  }

  @Test
  void aTypeThatDoesNotCheckExpectationsRefusesThemClearly() {
    DatasetSpec json =
        new DatasetSpec(
            "metrics",
            "json.JSONDataset",
            Map.of("filepath", "data/metrics.json", "expectations", Map.of("a", "r2 > 0")),
            Map.of(),
            "conf/base/catalog.yml");
    assertThatThrownBy(
            () ->
                new dev.weir.datasets.local.LocalFileTypes.Json()
                    .create(json, DatasetContext.of(Path.of("."))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'metrics' (json.JSONDataset, in conf/base/catalog.yml)")
        .hasMessageContaining("only Spark datasets check expectations")
        .hasMessageContaining("spark.DeltaTableDataset");
  }
}
