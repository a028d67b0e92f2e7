package dev.weir.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {
  enum Kind {
    LINEAR,
    RANDOM_FOREST
  }

  record Feature(String name, double weight) {}

  record ModelOptions(
      double testSize,
      int randomState,
      List<String> features,
      Kind kind,
      @Nullable String note,
      Optional<Integer> depth) {}

  record Nested(String id, List<Feature> features, Map<String, Feature> byName) {}

  record Box<T>(T value, List<T> values) {}

  record Checked(int n) {
    Checked {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0");
      }
    }
  }

  /** A POJO with setters and a public field. */
  public static final class Pojo {
    private String name = "default";
    private int size;
    public double ratio = 1.5;

    public Pojo() {}

    public void setName(String name) {
      this.name = name;
    }

    public void setSize(int size) {
      this.size = size;
    }
  }

  /** A value class with one constructor and no setters (Java compiled with -parameters). */
  public static final class Point {
    final int x;
    final int y;

    public Point(int x, int y) {
      this.x = x;
      this.y = y;
    }
  }

  private static Object bind(@Nullable Object value, Type target) {
    return Objects.requireNonNull(ParameterBinder.bind("params:model_options", value, target));
  }

  private static Type typeOf(String method) throws NoSuchMethodException {
    return Holder.class.getDeclaredMethod(method).getGenericReturnType();
  }

  @SuppressWarnings("unused")
  private interface Holder {
    Map<String, Object> map();

    Map<String, Integer> intMap();

    List<Feature> features();

    Set<Kind> kinds();

    Box<Feature> box();

    int[] ints();
  }

  @Test
  void recordBindsSnakeCaseKeysToComponentsWithNestedTypes() {
    Map<String, Object> yaml =
        Map.of(
            "test_size",
            0.2,
            "random_state",
            3,
            "features",
            List.of("a", "b"),
            "kind",
            "random_forest");
    ModelOptions options = (ModelOptions) bind(yaml, ModelOptions.class);
    assertThat(options)
        .isEqualTo(
            new ModelOptions(
                0.2, 3, List.of("a", "b"), Kind.RANDOM_FOREST, null, Optional.empty()));
  }

  @Test
  void unknownFieldNamesTheFieldClosestComponentAndType() {
    Map<String, Object> yaml = Map.of("test_sise", 0.2, "random_state", 3);
    assertThatThrownBy(() -> bind(yaml, ModelOptions.class))
        .isInstanceOf(ParameterBindingException.class)
        .hasMessageContaining("params:model_options.test_sise")
        .hasMessageContaining("ModelOptions")
        .hasMessageContaining("unknown field 'test_sise'")
        .hasMessageContaining("Did you mean: test_size");
  }

  @Test
  void missingRequiredComponentIsAnError() {
    Map<String, Object> yaml = Map.of("test_size", 0.2, "kind", "LINEAR", "features", List.of());
    assertThatThrownBy(() -> bind(yaml, ModelOptions.class))
        .isInstanceOf(ParameterBindingException.class)
        .hasMessageContaining("params:model_options")
        .hasMessageContaining("missing field random_state");
  }

  @Test
  void wrongTypesNameTheFieldAndTarget() {
    Map<String, Object> yaml =
        Map.of("test_size", "big", "random_state", 3, "features", List.of(), "kind", "LINEAR");
    assertThatThrownBy(() -> bind(yaml, ModelOptions.class))
        .hasMessageContaining("params:model_options.test_size")
        .hasMessageContaining("to double")
        .hasMessageContaining("'big'");
    assertThatThrownBy(() -> bind(Map.of("kind", "CUBIC"), ModelOptions.class))
        .hasMessageContaining("'CUBIC' is not one of LINEAR, RANDOM_FOREST");
  }

  @Test
  void numbersWidenAndNarrowOnlyWithoutLoss() {
    assertThat(bind(3, double.class)).isEqualTo(3.0);
    assertThat(bind(3.0, int.class)).isEqualTo(3);
    assertThat(bind(3, Long.class)).isEqualTo(3L);
    assertThat(bind("42", int.class)).isEqualTo(42);
    assertThat(bind(0.5, float.class)).isEqualTo(0.5f);
    assertThat(bind(7, String.class)).isEqualTo("7");
    assertThat(bind(true, boolean.class)).isEqualTo(true);
    assertThatThrownBy(() -> bind(3.5, int.class))
        .isInstanceOf(ParameterBindingException.class)
        .hasMessageContaining("Cannot bind params:model_options to int")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> bind(3_000_000_000L, int.class)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> bind(null, int.class)).hasMessageContaining("a value is required");
    assertThatThrownBy(() -> bind("yes please", boolean.class))
        .hasMessageContaining("true or false");
  }

  @Test
  void mapsAndListsBindWithTheirElementTypes() throws Exception {
    Map<String, Object> yaml = Map.of("a", 1, "b", Map.of("c", 2));
    assertThat(bind(yaml, typeOf("map"))).isEqualTo(yaml);
    assertThat(bind(yaml, Map.class)).isEqualTo(yaml);
    assertThat(bind(Map.of("a", 1.0), typeOf("intMap"))).isEqualTo(Map.of("a", 1));
    assertThat(bind(List.of(Map.of("name", "x", "weight", 1)), typeOf("features")))
        .isEqualTo(List.of(new Feature("x", 1.0)));
    assertThat(bind(List.of("LINEAR"), typeOf("kinds"))).isEqualTo(Set.of(Kind.LINEAR));
    assertThat((int[]) bind(List.of(1, 2), typeOf("ints"))).containsExactly(1, 2);
    assertThat(bind(List.of(1, 2), Object.class)).isEqualTo(List.of(1, 2));
    assertThatThrownBy(
            () -> bind(List.of(Map.of("name", "x", "weight", "heavy")), typeOf("features")))
        .hasMessageContaining("params:model_options[0].weight");
    assertThatThrownBy(() -> bind("x", typeOf("map"))).hasMessageContaining("expected a mapping");
  }

  @Test
  void nestedGenericsBind() throws Exception {
    Map<String, Object> feature = Map.of("name", "f", "weight", 2);
    Object box = bind(Map.of("value", feature, "values", List.of(feature)), typeOf("box"));
    assertThat(box).isEqualTo(new Box<>(new Feature("f", 2), List.of(new Feature("f", 2))));
    Nested nested =
        (Nested)
            bind(
                Map.of("id", "n", "features", List.of(feature), "by_name", Map.of("f", feature)),
                Nested.class);
    assertThat(nested.byName()).containsEntry("f", new Feature("f", 2));
  }

  @Test
  void pojoUsesSettersAndPublicFieldsAndKeepsDefaults() {
    Pojo pojo = (Pojo) bind(Map.of("size", 4, "ratio", 2), Pojo.class);
    assertThat(pojo.name).isEqualTo("default");
    assertThat(pojo.size).isEqualTo(4);
    assertThat(pojo.ratio).isEqualTo(2.0);
    assertThatThrownBy(() -> bind(Map.of("sizes", 4), Pojo.class))
        .hasMessageContaining("unknown field 'sizes'")
        .hasMessageContaining("Did you mean: size");
  }

  @Test
  void singleConstructorClassBindsByParameterNames() {
    Point p = (Point) bind(Map.of("x", 1, "y", 2), Point.class);
    assertThat(p.x).isEqualTo(1);
    assertThat(p.y).isEqualTo(2);
  }

  @Test
  void constructorValidationErrorsAreReported() {
    assertThatThrownBy(() -> bind(Map.of("n", -1), Checked.class))
        .isInstanceOf(ParameterBindingException.class)
        .hasMessageContaining("n must be >= 0");
  }
}
