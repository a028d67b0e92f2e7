package dev.weir.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Function names and argument types found through {@code SerializedLambda} or {@code apply}. */
class FunctionIntrospectionTest {

  private final String suffix = "!";

  private String exclaim(Functions.ModelOptions options) {
    return options + suffix;
  }

  @Test
  void staticMethodReferenceGivesClassAndMethodAndRecordArgumentType() {
    Node node =
        Node.node(Functions::split)
            .inputs("rows", "params:model_options")
            .outputs("train", "test")
            .build();

    assertThat(node.functionName()).isEqualTo("Functions::split");
    assertThat(node.argumentType(1)).contains(Functions.ModelOptions.class);
  }

  @Test
  void genericArgumentTypesKeepTheirTypeArguments() {
    Node node = Node.node(Functions::total).inputs("rows").output("t").build();

    Type type = node.argumentType(0).orElseThrow();
    assertThat(type).isInstanceOf(ParameterizedType.class);
    assertThat(((ParameterizedType) type).getRawType()).isEqualTo(List.class);
    assertThat(((ParameterizedType) type).getActualTypeArguments()).containsExactly(Integer.class);
  }

  @Test
  void objectArgumentsAndPositionsOutOfRangeAreUnknown() {
    Node node = Node.node(Functions::describe).inputs("a").output("b").build();

    assertThat(node.argumentType(0)).isEmpty();
    assertThat(node.argumentType(1)).isEmpty();
    assertThat(node.argumentType(-1)).isEmpty();
  }

  @Test
  void boundInstanceMethodReferenceSkipsTheCapturedReceiver() {
    Node node = Node.node(this::exclaim).inputs("params:o").output("b").build();

    assertThat(node.functionName()).isEqualTo("FunctionIntrospectionTest::exclaim");
    assertThat(node.argumentType(0)).contains(Functions.ModelOptions.class);
  }

  @Test
  void unboundInstanceMethodReferenceTakesTheReceiverFirst() {
    Node node = Node.node(String::concat).inputs("a", "b").output("c").build();

    assertThat(node.functionName()).isEqualTo("String::concat");
    assertThat(node.argumentType(0)).contains(String.class);
    assertThat(node.argumentType(1)).contains(String.class);
  }

  @Test
  void constructorReferenceGivesTheConstructorParameters() {
    Node node =
        Node.node(Functions.ModelOptions::new).inputs("size", "seed").output("options").build();

    assertThat(node.functionName()).isEqualTo("Functions.ModelOptions::<init>");
    assertThat(node.name()).startsWith("new__");
    assertThat(node.argumentType(0)).contains(double.class);
    assertThat(node.argumentType(1)).contains(int.class);
  }

  @Test
  void typedLambdaGivesItsParameterTypesEvenWhenItCapturesVariables() {
    String captured = "x";
    Node node =
        Node.node((List<Integer> rows, Functions.ModelOptions o) -> captured + rows + o + suffix)
            .inputs("rows", "params:o")
            .output("out")
            .build();

    assertThat(node.functionName()).startsWith("FunctionIntrospectionTest::lambda$");
    assertThat(node.argumentType(0)).contains(List.class);
    assertThat(node.argumentType(1)).contains(Functions.ModelOptions.class);
  }

  @Test
  void anonymousClassIsReadThroughItsApplyMethod() {
    NodeFunction1<Functions.ModelOptions, String> function =
        new NodeFunction1<>() {
          @Override
          public String apply(Functions.ModelOptions options) {
            return options.toString();
          }
        };
    Node node = Node.node(function).inputs("params:o").output("b").build();

    assertThat(node.functionName()).startsWith("FunctionIntrospectionTest.");
    assertThat(node.argumentType(0)).contains(Functions.ModelOptions.class);
  }

  @Test
  void anExplicitArgumentTypeWinsOverReflection() {
    Node node =
        Node.node(Functions::describe)
            .inputs("params:o")
            .output("b")
            .argumentType(0, Functions.ModelOptions.class)
            .build();

    assertThat(node.argumentType(0)).contains(Functions.ModelOptions.class);
  }

  @Test
  void anExplicitArgumentTypeMustNameAnArgument() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Node.node(Functions::describe)
                    .inputs("a")
                    .output("b")
                    .name("n")
                    .argumentType(3, String.class)
                    .build())
        .hasMessageContaining("argumentType(3, ...) names no argument");
  }

  @Test
  void mapFunctionsHaveNoPositionalArgumentTypes() {
    Node node = Node.mapNode(in -> Map.of()).inputs("a").outputs(List.of()).name("m").build();

    assertThat(node.argumentType(0)).isEmpty();
  }
}
