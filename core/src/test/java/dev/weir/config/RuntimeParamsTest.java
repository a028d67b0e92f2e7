package dev.weir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeParamsTest {
  @Test
  void valuesAreTypedAsYamlScalarsAndDottedKeysNest() {
    Map<String, Object> params =
        RuntimeParams.parse("a=1,b=0.3,c=true,d=text,e.f=2,e.g=null_not,h=,i=2024-01-31,j=@x");
    assertThat(params.get("a")).isEqualTo(1);
    assertThat(params.get("b")).isEqualTo(0.3);
    assertThat(params.get("c")).isEqualTo(true);
    assertThat(params.get("d")).isEqualTo("text");
    assertThat(params.get("e")).isEqualTo(Map.of("f", 2, "g", "null_not"));
    assertThat(params.get("h")).isEqualTo("");
    assertThat(params.get("i")).isEqualTo("2024-01-31");
    assertThat(params.get("j")).isEqualTo("@x");
  }

  @Test
  void valueMayContainEquals() {
    assertThat(RuntimeParams.parse("expr=a=b")).containsEntry("expr", "a=b");
  }

  @Test
  void pairWithoutEqualsIsAnError() {
    assertThatThrownBy(() -> RuntimeParams.parse("a=1,oops"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'oops'")
        .hasMessageContaining("key=value");
  }

  @Test
  void emptyKeyAndConflictsAreErrors() {
    assertThatThrownBy(() -> RuntimeParams.parse("=1")).hasMessageContaining("key is empty");
    assertThatThrownBy(() -> RuntimeParams.parse("a=1,a.b=2")).hasMessageContaining("Conflicting");
  }

  @Test
  void blankTextIsEmpty() {
    assertThat(RuntimeParams.parse("  ")).isEmpty();
  }
}
