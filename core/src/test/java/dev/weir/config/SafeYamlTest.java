package dev.weir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hardened loader every module uses: what it refuses and what it keeps as written. */
class SafeYamlTest {
  @Test
  void refusesTagsThatWouldInstantiateClasses() {
    assertThatThrownBy(() -> SafeYaml.parse("f: !!java.io.File /etc/passwd", "catalog.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("catalog.yml:1:")
        .hasMessageContaining("Refused YAML tag");
  }

  @Test
  void refusesDuplicateKeys() {
    assertThatThrownBy(() -> SafeYaml.parse("a: 1\na: 2\n", "parameters.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("parameters.yml:2:")
        .hasMessageContaining("Remove one of the two entries");
  }

  @Test
  void refusesAliasBombs() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 60; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      yaml.append(", *a").append(i - 1).append("]\n");
    }
    assertThatThrownBy(() -> SafeYaml.parse(yaml.toString(), "bomb.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at most " + SafeYaml.MAX_ALIASES + " aliases");
  }

  @Test
  void keepsDatesAsTextAndKeysAsStrings() {
    assertThat(SafeYaml.parse("day: 2024-01-31\n1: one\n", "p.yml"))
        .isEqualTo(Map.of("day", "2024-01-31", "1", "one"));
  }
}
