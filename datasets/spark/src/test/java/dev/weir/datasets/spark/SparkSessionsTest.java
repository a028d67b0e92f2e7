package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.datasets.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void embeddedSettingsConfigureDeltaAndLetSparkYmlWin() {
    Map<String, String> s =
        SparkSessions.embeddedSettings(
            Map.of(
                "spark.sql.shuffle.partitions",
                4,
                "spark.master",
                "local[2]",
                "spark.remote",
                "sc://x"),
            Path.of("/work/project"));
    assertThat(s)
        .containsEntry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .containsEntry(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.sql.warehouse.dir", "/work/project/spark-warehouse")
        .containsEntry("spark.sql.shuffle.partitions", "4")
        .containsEntry("spark.master", "local[2]")
        .doesNotContainKey("spark.remote");
    assertThat(SparkSessions.embeddedSettings(Map.of(), Path.of("/p")))
        .containsEntry("spark.master", "local[*]");
  }

  @Test
  void embeddedSessionsGetSmallDataDefaultsThatSparkYmlOverrides() {
    Map<String, String> defaults = SparkSessions.embeddedSettings(Map.of(), Path.of("/p"));
    assertThat(defaults)
        .containsEntry(
            "spark.sql.shuffle.partitions",
            String.valueOf(Math.max(2, 2 * Runtime.getRuntime().availableProcessors())))
        .containsEntry("spark.databricks.delta.snapshotPartitions", "2")
        .containsEntry("spark.ui.enabled", "false");
    assertThat(
            SparkSessions.embeddedSettings(
                Map.of("spark.sql.shuffle.partitions", 64), Path.of("/p")))
        .containsEntry("spark.sql.shuffle.partitions", "64");
  }

  @Test
  void loggedSettingsHideSecrets() {
    assertThat(
            SparkSessions.redacted(
                Map.of(
                    "spark.hadoop.fs.s3a.secret.key", "s3cr3t",
                    "spark.hadoop.fs.s3a.access.key", "AKIA",
                    "spark.sql.shuffle.partitions", "4")))
        .containsEntry("spark.sql.shuffle.partitions", "4")
        .doesNotContainValue("s3cr3t")
        .doesNotContainValue("AKIA");
  }

  @Test
  void remoteUrlPrefersTheArgumentThenSparkYml() {
    assertThat(SparkSessions.remoteUrl("sc://cli:1", Map.of("spark.remote", "sc://yml:2")))
        .isEqualTo("sc://cli:1");
    assertThat(SparkSessions.remoteUrl(null, Map.of("spark.remote", "sc://yml:2")))
        .isEqualTo("sc://yml:2");
    assertThat(SparkSessions.remoteUrl(" ", Map.of())).isEqualTo(System.getenv("SPARK_REMOTE"));
  }

  @Test
  void sparkRemoteFromTheEnvironmentComesLast() {
    Map<String, String> env = Map.of("SPARK_REMOTE", "sc://env:3");
    assertThat(SparkSessions.remoteUrl(null, Map.of(), env)).isEqualTo("sc://env:3");
    assertThat(SparkSessions.remoteUrl(null, Map.of("spark.remote", "sc://yml:2"), env))
        .isEqualTo("sc://yml:2");
    assertThat(SparkSessions.remoteUrl("sc://cli:1", Map.of(), env)).isEqualTo("sc://cli:1");
    assertThat(SparkSessions.remoteUrl(null, Map.of(), Map.of("SPARK_REMOTE", " "))).isNull();
    assertThat(SparkSessions.remoteUrl(null, Map.of(), Map.of())).isNull();
  }

  @Test
  void aGivenSessionWinsAndIsNeverStoppedByWeir() {
    SparkSession given = SharedSpark.classic();
    assertThat(SparkSessions.resolve(given, "sc://ignored:1", Map.of(), Path.of("/p")))
        .isSameAs(given);
    assertThat(SparkSessions.stopIfOwned(given)).isFalse();
    assertThat(SparkSessions.isClassic(given)).isTrue();
  }

  @Test
  void theRunningSessionIsFound() {
    // resolve() returns this before looking at any remote URL; not called with one here because a
    // Connect client retries an unreachable server for minutes.
    SparkSession classic = SharedSpark.classic();
    SparkSession.setActiveSession(classic);
    assertThat(SparkSessions.activeOrDefault()).containsSame(classic);
  }
}
