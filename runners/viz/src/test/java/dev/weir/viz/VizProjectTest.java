package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.session.Session;
import dev.weir.testing.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VizProject} on the runners' test project with a recorded last run. */
class VizProjectTest {
  @TempDir Path dir;

  private static LastRun recorded() {
    return new LastRun(
        "2026-01-01T00.00.00.000Z",
        LastRun.SUCCESS,
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:02Z",
        2.0,
        "local",
        List.of("__default__"),
        Map.of("clean", new LastRun.NodeRun(LastRun.SUCCESS, 0.5, null)),
        Map.of(),
        List.of());
  }

  @Test
  void theRecordedLastRunIsOverlaidByDefault() {
    TestProject.create(dir);
    LastRunStore.write(dir, recorded());
    Session session = Session.builder().projectPath(dir).build();

    assertThat(VizProject.graph(session, List.of()).lastRun()).isEqualTo(recorded());
  }

  @Test
  void anExplicitNullLastRunIgnoresTheRecordedOneAndKeepsTheFile() {
    TestProject.create(dir);
    LastRunStore.write(dir, recorded());
    Session session = Session.builder().projectPath(dir).build();

    VizGraph graph = VizProject.graph(session, List.of(), null);

    assertThat(graph.lastRun()).isNull();
    assertThat(graph.nodes()).extracting(VizGraph.TaskNode::name).contains("clean");
    assertThat(LastRunStore.read(dir)).contains(recorded());
  }
}
