package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.cli.Main;
import dev.weir.testing.TestProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weir viz} on the runners' test project ({@link dev.weir.testing.TestPipelines}). */
class VizCommandTest {
  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  @BeforeEach
  void createProject() {
    TestProject.create(dir);
  }

  private Result weir(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--project");
    all.add(dir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void writesOneSelfContainedPageWithEveryNodeAndNoCredentials() throws Exception {
    Path page = dir.resolve("site/pipeline.html");

    Result r = weir("viz", "--out", page.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote " + page).contains("3 nodes");
    String html = Files.readString(page);
    assertThat(html)
        .contains("\"name\":\"clean\"")
        .contains("\"name\":\"summarize\"")
        .contains("\"name\":\"reports.report\"")
        .contains("weir run --nodes reports.report")
        .doesNotContain(TestProject.SECRET)
        .doesNotContain("db_creds");
    assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=");
  }

  @Test
  void textFormatsPrintToStandardOutput() throws Exception {
    Result mermaid = weir("viz", "--format", "mermaid");
    Result dot = weir("viz", "--format", "dot");
    Result json = weir("viz", "--format", "json", "--pipelines", "reporting");

    assertThat(mermaid.exitCode()).as(mermaid.err()).isZero();
    assertThat(mermaid.out()).startsWith("flowchart TB\n").contains("subgraph ns0[\"reports\"]");
    assertThat(dot.out()).startsWith("digraph weir {").contains("\"data:raw\" -> \"node:clean\";");
    JsonNode graph = new ObjectMapper().readTree(json.out());
    assertThat(graph.get("pipelines").get(0).asText()).isEqualTo("reporting");
    assertThat(graph.get("nodes")).hasSize(1);
    assertThat(graph.get("nodes").get(0).get("command").asText())
        .isEqualTo("weir run --nodes reports.report --pipelines reporting");
    assertThat(Files.exists(dir.resolve("pipeline.html"))).isFalse();
  }

  @Test
  void aRunIsRecordedAndShownOnTheNextMap() throws Exception {
    assertThat(weir("viz", "--format", "json").out()).contains("\"lastRun\" : null");

    Result run = weir("run");
    Result viz = weir("viz", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode lastRun = new ObjectMapper().readTree(viz.out()).get("lastRun");
    assertThat(lastRun.get("status").asText()).isEqualTo("success");
    assertThat(lastRun.get("nodes").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("clean", "summarize", "reports.report");
    assertThat(lastRun.get("datasets").has("summary")).isTrue();
  }

  @Test
  void anUnknownPipelineIsAUsageErrorNamingIt() {
    Result r = weir("viz", "--pipelines", "reportin");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("reportin").contains("reporting");
  }

  @Test
  void serveOnlyServesHtml() {
    Result r = weir("viz", "--serve", "--format", "dot");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--serve");
  }
}
