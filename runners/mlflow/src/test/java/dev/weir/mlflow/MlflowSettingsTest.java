package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlflowSettingsTest {
  private static final Path PROJECT = Path.of("/work/spaceflights");

  @Test
  void defaultsTrackToTheLocalStoreUnderTheProject() {
    MlflowSettings s = MlflowSettings.defaults(PROJECT);
    assertThat(s.enabled()).isTrue();
    assertThat(s.trackingUri()).isNull();
    assertThat(s.isLocal()).isTrue();
    assertThat(s.isSqlite()).isTrue();
    assertThat(s.sqliteFile(PROJECT)).isEqualTo(PROJECT.resolve("mlflow.db"));
    assertThat(s.displayUri()).isEqualTo("sqlite:///mlflow.db");
    assertThat(s.experiment()).isEqualTo("spaceflights");
    assertThat(s.flattenParams()).isTrue();
    assertThat(s.longValueStrategy()).isEqualTo(LongValueStrategy.TRUNCATE);
    assertThat(s.timeout()).isEqualTo(MlflowSettings.DEFAULT_TIMEOUT);
  }

  @Test
  void readsEveryKey() {
    MlflowSettings s =
        MlflowSettings.fromConfig(
            Map.of(
                "tracking_uri",
                "http://mlflow:5000/",
                "experiment",
                "prices",
                "run_name",
                "nightly",
                "tags",
                Map.of("team", "pricing"),
                "params",
                Map.of("flatten", false, "long_value_strategy", "tag"),
                "disable_for_pipelines",
                List.of("data_processing"),
                "timeout_seconds",
                2.5),
            Map.of(),
            Map.of(),
            PROJECT);
    assertThat(s.trackingUri()).isEqualTo("http://mlflow:5000/");
    assertThat(s.isLocal()).isFalse();
    assertThat(s.experiment()).isEqualTo("prices");
    assertThat(s.runName()).isEqualTo("nightly");
    assertThat(s.tags()).containsEntry("team", "pricing");
    assertThat(s.flattenParams()).isFalse();
    assertThat(s.longValueStrategy()).isEqualTo(LongValueStrategy.TAG);
    assertThat(s.disableForPipelines()).containsExactly("data_processing");
    assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void theEnvironmentVariableOverridesTheFile() {
    MlflowSettings s =
        MlflowSettings.fromConfig(
            Map.of("tracking_uri", "http://file:5000"),
            Map.of(),
            Map.of("MLFLOW_TRACKING_URI", "databricks"),
            PROJECT);
    assertThat(s.trackingUri()).isEqualTo("databricks");
  }

  @Test
  void localFoldersAndFileUrisAreLocalStores() {
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "tracking/mlruns"), Map.of(), Map.of(), PROJECT)
                .localStore(PROJECT))
        .isEqualTo(PROJECT.resolve("tracking/mlruns"));
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "file:///tmp/mlruns"), Map.of(), Map.of(), PROJECT)
                .localStore(PROJECT))
        .isEqualTo(Path.of("/tmp/mlruns"));
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "file:./runs"), Map.of(), Map.of(), PROJECT)
                .localStore(PROJECT))
        .isEqualTo(PROJECT.resolve("runs"));
  }

  @Test
  void sqliteUrisNameAFileRelativeToTheProjectOrAbsolute() {
    MlflowSettings relative =
        MlflowSettings.fromConfig(
            Map.of("tracking_uri", "sqlite:///tracking/runs.db"), Map.of(), Map.of(), PROJECT);
    assertThat(relative.isLocal()).isTrue();
    assertThat(relative.isSqlite()).isTrue();
    assertThat(relative.sqliteFile(PROJECT)).isEqualTo(PROJECT.resolve("tracking/runs.db"));
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "sqlite:////tmp/m.db"), Map.of(), Map.of(), PROJECT)
                .sqliteFile(PROJECT))
        .isEqualTo(Path.of("/tmp/m.db"));
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "file:./mlruns"), Map.of(), Map.of(), PROJECT)
                .isSqlite())
        .isFalse();
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "sqlite://"), Map.of(), Map.of(), PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("names no database file");
  }

  @Test
  void kedroMlflowsExperimentMappingIsAccepted() {
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("experiment", Map.of("name", "x")), Map.of(), Map.of(), PROJECT)
                .experiment())
        .isEqualTo("x");
  }

  @Test
  void credentialsComeFromTheNamedBlockAndNeverShow() {
    MlflowSettings s =
        MlflowSettings.fromConfig(
            Map.of(
                "tracking_uri",
                "https://user:pw@mlflow.example.com/?x=1",
                "credentials",
                "mlflow_server"),
            Map.of("mlflow_server", Map.of("MLFLOW_TRACKING_TOKEN", "tok-SECRET")),
            Map.of(),
            PROJECT);
    assertThat(s.credentials()).containsEntry("token", "tok-SECRET");
    assertThat(s.toString())
        .doesNotContain("tok-SECRET")
        .doesNotContain("pw@")
        .contains("credentials=***");
    assertThat(s.displayUri()).isEqualTo("https://mlflow.example.com/");
  }

  @Test
  void withoutABlockMlflowsEnvironmentVariablesAreUsed() {
    MlflowSettings s =
        MlflowSettings.fromConfig(
            Map.of(),
            Map.of(),
            Map.of("MLFLOW_TRACKING_USERNAME", "u", "MLFLOW_TRACKING_PASSWORD", "p"),
            PROJECT);
    assertThat(s.credentials()).isEqualTo(Map.of("username", "u", "password", "p"));
  }

  @Test
  void mistakesNameTheKeyAndTheFix() {
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(Map.of("trackin_uri", "x"), Map.of(), Map.of(), PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'trackin_uri'")
        .hasMessageContaining("Did you mean: tracking_uri?")
        .hasMessageContaining("mlflow.yml");
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(
                    Map.of("params", Map.of("long_value_strategy", "cut")),
                    Map.of(),
                    Map.of(),
                    PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("long_value_strategy")
        .hasMessageContaining("truncate, tag, fail");
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(
                    Map.of("timeout_seconds", 0), Map.of(), Map.of(), PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("timeout_seconds");
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(
                    Map.of("credentials", "nope"), Map.of(), Map.of(), PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("credentials");
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(Map.of("enabled", "maybe"), Map.of(), Map.of(), PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("enabled")
        .hasMessageContaining("true or false");
  }

  @Test
  void anUnsupportedSchemeIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "s3://bucket/x"), Map.of(), Map.of(), PROJECT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("s3://bucket/x")
        .hasMessageContaining("databricks://<profile>");
    assertThat(
            MlflowSettings.fromConfig(
                    Map.of("tracking_uri", "databricks://prod"), Map.of(), Map.of(), PROJECT)
                .isLocal())
        .isFalse();
  }

  @Test
  void artifactProxyPathsFollowMlflowArtifactsUris() {
    assertThat(RestStore.artifactProxyPath("mlflow-artifacts:/1/abc/artifacts"))
        .isEqualTo("1/abc/artifacts");
    assertThat(RestStore.artifactProxyPath("mlflow-artifacts://host:5000/1/abc/artifacts"))
        .isEqualTo("1/abc/artifacts");
    assertThat(RestStore.artifactProxyPath("s3://bucket/1/abc/artifacts")).isNull();
  }
}
