package dev.weir.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.session.RunOptions;
import dev.weir.session.RunResult;
import dev.weir.testing.TestProject;
import dev.weir.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeirNotebookTest {
  @TempDir Path project;

  private WeirNotebook weir;

  @BeforeEach
  void createProject() {
    TestProject.create(project);
    weir = WeirNotebook.create(TestSpark.session(), project.toString());
  }

  @Test
  void runsWithTheCommandLinesOptionsAndLoadsFromTheCatalog() {
    RunResult result = weir.run("--pipelines data_processing --params greeting=hi");

    assertThat(result.nodeSeconds()).containsOnlyKeys("clean", "summarize");
    assertThat(weir.catalog().load("summary")).isEqualTo("hi WEIR");
    assertThat(weir.pipelines()).containsKeys("__default__", "data_processing", "reporting");
  }

  @Test
  void theTypedBuilderRunsTheSameWay() {
    RunResult result =
        weir.withEnv("prod")
            .runBuilder()
            .pipelines("data_processing")
            .nodes("clean", "summarize")
            .run();

    assertThat(result.nodeSeconds()).containsOnlyKeys("clean", "summarize");
    assertThat(weir.withEnv("prod").catalog().load("summary")).isEqualTo("bonjour WEIR");
  }

  @Test
  void parsedOptionsMatchTheRunOptions() {
    RunOptions options =
        NotebookRun.parse(
                "-p a,b --tags t --from-nodes f --to-outputs o --runner parallel --max-workers 3"
                    + " --load-versions ds:2024-01-01T00.00.00.000Z --only-missing-outputs")
            .toRunOptions();

    assertThat(options.pipelineNames()).containsExactly("a", "b");
    assertThat(options.filter().tags()).containsExactly("t");
    assertThat(options.filter().fromNodes()).containsExactly("f");
    assertThat(options.filter().toOutputs()).containsExactly("o");
    assertThat(options.runner()).isEqualTo("parallel");
    assertThat(options.maxWorkers()).isEqualTo(3);
    assertThat(options.loadVersions()).containsEntry("ds", "2024-01-01T00.00.00.000Z");
    assertThat(options.onlyMissingOutputs()).isTrue();
  }

  @Test
  void mistakesAreConfigErrors() {
    assertThatThrownBy(() -> weir.run("--pipeline data_processing --bogus"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--bogus");
    weir.run("--pipelines data_processing");
    assertThatThrownBy(() -> weir.table("summary"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not a Spark DataFrame");
  }
}
