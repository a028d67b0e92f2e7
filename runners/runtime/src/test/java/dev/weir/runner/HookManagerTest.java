package dev.weir.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookManagerTest {

  private final Node node = Node.node((Integer a) -> a).inputs("a").output("b").name("n").build();

  @Test
  void callsHooksInRegistrationOrder() {
    List<String> calls = new ArrayList<>();
    Hook first =
        new Hook() {
          @Override
          public void beforeDatasetLoaded(DatasetLoadEvent event) {
            String name = event.datasetName();
            calls.add("first:" + name);
          }
        };
    Hook second =
        new Hook() {
          @Override
          public void beforeDatasetLoaded(DatasetLoadEvent event) {
            String name = event.datasetName();
            calls.add("second:" + name);
          }
        };

    HookManager.of(first, second).beforeDatasetLoaded(new DatasetLoadEvent("a", node));

    assertThat(calls).containsExactly("first:a", "second:a");
  }

  @Test
  void aFailingHookPropagatesWithItsName() {
    Hook failing =
        new Hook() {
          @Override
          public void afterDatasetSaved(DatasetSavedEvent event) {
            throw new IllegalStateException("cannot log");
          }
        };

    assertThatThrownBy(
            () -> HookManager.of(failing).afterDatasetSaved(new DatasetSavedEvent("b", 1, node)))
        .isInstanceOf(HookException.class)
        .hasMessageContaining(failing.getClass().getName())
        .hasMessageContaining("afterDatasetSaved")
        .hasMessageContaining("cannot log");
  }

  @Test
  void errorHooksAllRunAndTheirFailuresAreSuppressedOnTheOriginal() {
    List<String> calls = new ArrayList<>();
    Hook failing =
        new Hook() {
          @Override
          public void onNodeError(NodeErrorEvent event) {
            throw new IllegalStateException("hook broke");
          }
        };
    Hook recording =
        new Hook() {
          @Override
          public void onNodeError(NodeErrorEvent event) {
            Throwable e = event.error();
            calls.add(e.getMessage());
          }
        };
    RuntimeException original = new RuntimeException("node broke");

    HookManager.of(failing, recording)
        .onNodeError(
            new NodeErrorEvent(original, node, DataCatalog.of(Map.of()), Map.of(), false, "r"));

    assertThat(calls).containsExactly("node broke");
    assertThat(original.getSuppressed()).hasSize(1);
    assertThat(original.getSuppressed()[0]).hasMessageContaining("hook broke");
  }

  @Test
  void beforeNodeRunMergesReplacementsLaterHookWins() {
    Hook a =
        new Hook() {
          @Override
          public Map<String, Object> beforeNodeRun(NodeRunEvent event) {
            return Map.of("x", 1, "y", 1);
          }
        };
    Hook b =
        new Hook() {
          @Override
          public Map<String, Object> beforeNodeRun(NodeRunEvent event) {
            return Map.of("y", 2);
          }
        };

    Map<String, Object> merged =
        HookManager.of(a, b)
            .beforeNodeRun(new NodeRunEvent(node, DataCatalog.of(Map.of()), Map.of(), false, "r"));

    assertThat(merged).containsEntry("x", 1).containsEntry("y", 2);
  }
}
