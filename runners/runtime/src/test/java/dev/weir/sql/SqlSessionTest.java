package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.session.RunOptions;
import dev.weir.session.Session;
import dev.weir.testing.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL node validation wired into the session: {@code weir run --dry-run} ({@link Session#dryRun})
 * reports SQL problems with the other dry-run problems, and a real run stops in {@code
 * beforePipelineRun} ({@link SqlValidationHook}, found through {@code ServiceLoader}) before any
 * node runs.
 */
class SqlSessionTest {
  @TempDir Path root;

  private Session session(Pipeline pipeline, Hook... hooks) {
    TestProject.write(
        root.resolve("conf/base/catalog.yml"),
        "companies:\n  type: MemoryDataset\nshuttles:\n  type: MemoryDataset\n");
    TestProject.write(root.resolve("conf/base/parameters.yml"), "min_rating: 4\n");
    PipelineRegistry registry = () -> Map.of(PipelineRegistry.DEFAULT, pipeline);
    return Session.builder().projectPath(root).pipelineRegistry(registry).hooks(hooks).build();
  }

  @Test
  void theDryRunReportsSqlProblemsWithFileAndLine() {
    Session session =
        session(
            SqlPipelines.fromResources("sql/undeclared")
                .plus(SqlPipelines.fromResources("sql/broken")));

    assertThatThrownBy(() -> session.dryRun(RunOptions.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "SQL nodes: SQL node 'reads_other' (sql/undeclared/reads_other.sql:5)")
        .hasMessageContaining("reads 'shuttles'")
        .hasMessageContaining("sql/broken/bad_syntax.sql:7");
  }

  @Test
  void aRealRunStopsBeforeTheFirstNode() {
    List<String> started = new CopyOnWriteArrayList<>();
    Hook recorder =
        new Hook() {
          @Override
          public @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
            Node node = event.node();
            started.add(node.name());
            return null;
          }
        };
    Session session = session(SqlPipelines.fromResources("sql/undeclared"), recorder);

    assertThatThrownBy(() -> session.run(RunOptions.defaults()))
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("no node was run")
        .hasMessageContaining("reads 'shuttles'");
    assertThat(started).isEmpty();
  }
}
