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
    assertThat(MlflowKeys.isValid("..foo")).isFalse();
    assertThat(MlflowKeys.isValid("...")).isFalse();
    assertThat(MlflowKeys.isValid("..")).isFalse();
    assertThat(MlflowKeys.isValid("a/..")).isFalse();
  }

  /** Characters Java's Unicode \w takes but Python's \w (and so MLflow's server) does not. */
  @Test
  void refusesWhatJavasWordClassTakesAndPythonsDoesNot() {
    assertThat(MlflowKeys.isValid("cafe\u0301")).as("combining acute accent").isFalse();
    assertThat(MlflowKeys.isValid("a\u203Fb")).as("undertie").isFalse();
    assertThat(MlflowKeys.isValid("a\u200Db")).as("zero-width joiner").isFalse();
    assertThat(MlflowKeys.isValid("caf\u00e9_\u00b2_\u2167_\u0663"))
        .as("letters, numbers")
        .isTrue();
    assertThat(MlflowKeys.isValid("\u6a21\u578b/\uD835\uDC00"))
        .as("CJK, supplementary letter")
        .isTrue();
  }

  @Test
  void normpathIsPythons() {
    assertThat(MlflowKeys.normpath("")).isEqualTo(".");
    assertThat(MlflowKeys.normpath("a//b/./c/")).isEqualTo("a/b/c");
    assertThat(MlflowKeys.normpath("a/../..")).isEqualTo("..");
    assertThat(MlflowKeys.normpath("/../a")).isEqualTo("/a");
    assertThat(MlflowKeys.normpath("//a")).isEqualTo("//a");
    assertThat(MlflowKeys.normpath("///a")).isEqualTo("/a");
    assertThat(MlflowKeys.normpath("..foo")).isEqualTo("..foo");
  }

  @Test
  void sanitizeMakesAValidKey() {
    assertThat(MlflowKeys.sanitize("split([a,b]) -> [c]")).isEqualTo("split__a_b__ -_ _c_");
    assertThat(MlflowKeys.isValid(MlflowKeys.sanitize("/a//../b/"))).isTrue();
    assertThat(MlflowKeys.sanitize("fine.key")).isEqualTo("fine.key");
    assertThat(MlflowKeys.sanitize("..foo")).isEqualTo("_..foo");
    assertThat(MlflowKeys.sanitize("...")).isEqualTo("_...");
    assertThat(MlflowKeys.sanitize("cafe\u0301\u200D")).isEqualTo("cafe__");
    for (String k : new String[] {"..foo", "...", "a/..", "/x/", "e\u0301", ".."}) {
      assertThat(MlflowKeys.isValid(MlflowKeys.sanitize(k))).as(k).isTrue();
    }
  }
}
