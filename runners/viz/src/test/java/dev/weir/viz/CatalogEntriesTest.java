package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.io.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogEntriesTest {
  @TempDir Path project;

  @Test
  void credentialsNeverReachAnyOutputFormat() {
    VizGraph graph = VizFixtures.graph(project);

    for (String output :
        List.of(
            VizJson.pretty(graph),
            VizJson.forScriptElement(graph),
            MermaidRenderer.render(graph),
            DotRenderer.render(graph),
            HtmlRenderer.render(graph))) {
      assertThat(output)
          .doesNotContain(VizFixtures.SECRET_KEY_ID)
          .doesNotContain(VizFixtures.SECRET)
          .doesNotContain(VizFixtures.INLINE_PASSWORD)
          .doesNotContain("s3_creds");
    }
  }

  @Test
  void credentialsKeysAreDroppedAtAnyDepthAndSecretLookingValuesRedacted() {
    DatasetSpec spec =
        new DatasetSpec(
            "orders",
            "spark.SparkDataset",
            Map.of(
                "filepath", "abfss://c@acct.dfs.core.windows.net/orders",
                "credentials", Map.of("account_key", "k1"),
                "save_args",
                    Map.of(
                        "options",
                        Map.of("Credentials", "inline", "fs.azure.account.key", "k2", "mode", "x")),
                "fs_args", List.of(Map.of("token", "t1", "region", "eu")),
                "metadata", Map.of("layer", "02_intermediate")),
            Map.of("account_key", "from-credentials"),
            "catalog.yml");

    Map<String, Object> visible = CatalogEntries.visible(spec);

    assertThat(visible).doesNotContainKey("credentials");
    assertThat(visible.toString())
        .doesNotContain("k1")
        .doesNotContain("k2")
        .doesNotContain("t1")
        .doesNotContain("inline")
        .doesNotContain("from-credentials");
    assertThat(visible)
        .containsEntry("type", "spark.SparkDataset")
        .containsEntry("filepath", "abfss://c@acct.dfs.core.windows.net/orders");
    @SuppressWarnings("unchecked")
    Map<String, Object> options =
        (Map<String, Object>)
            ((Map<String, Object>) Objects.requireNonNull(visible.get("save_args"))).get("options");
    assertThat(options)
        .containsEntry("fs.azure.account.key", CatalogEntries.REDACTED)
        .containsEntry("mode", "x")
        .doesNotContainKey("Credentials");
    assertThat(visible.get("fs_args"))
        .isEqualTo(List.of(Map.of("token", CatalogEntries.REDACTED, "region", "eu")));
    assertThat(CatalogEntries.layer(spec)).isEqualTo("02_intermediate");
  }

  @Test
  void anEntryWithoutMetadataHasNoLayer() {
    DatasetSpec spec = new DatasetSpec("a", "MemoryDataset", Map.of(), Map.of(), null);

    assertThat(CatalogEntries.layer(spec)).isNull();
  }
}
