package dev.weir.datasets.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MlflowKeysTest {
  @Test
  void acceptsWhatMlflowAccepts() {
    assertThat(MlflowKeys.isValid("model_options.test_size")).isTrue();
    assertThat(MlflowKeys.isValid("a/b c-d:e")).isTrue();
    assertThat(MlflowKeys.isValid("a..b")).isTrue();
    assertThat(MlflowKeys.isValid("x".repeat(250))).isTrue();
  }

  @Test
  void refusesWhatMlflowRefuses() {
    assertThat(MlflowKeys.isValid("")).isFalse();
    assertThat(MlflowKeys.isValid("x".repeat(251))).isFalse();
    assertThat(MlflowKeys.isValid("a(b)")).isFalse();
    assertThat(MlflowKeys.isValid("/a")).isFalse();
    assertThat(MlflowKeys.isValid("a/")).isFalse();
    assertThat(MlflowKeys.isValid("a//b")).isFalse();
    assertThat(MlflowKeys.isValid("a/../b")).isFalse();
    assertThat(MlflowKeys.isValid("./a")).isFalse();
  }

  @Test
  void sanitizeMakesAValidKey() {
    assertThat(MlflowKeys.sanitize("split([a,b]) -> [c]")).isEqualTo("split__a_b__ -_ _c_");
    assertThat(MlflowKeys.isValid(MlflowKeys.sanitize("/a//../b/"))).isTrue();
    assertThat(MlflowKeys.sanitize("fine.key")).isEqualTo("fine.key");
  }
}
