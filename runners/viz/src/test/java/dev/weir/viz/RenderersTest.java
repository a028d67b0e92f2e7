package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path project;

  /** A graph whose names try to break out of every output format. */
  static VizGraph hostileGraph() {
    String evil = "x</script><img src=x onerror=alert(1)><!--\"#'";
    return new VizGraph(
        VizGraph.SCHEMA,
        List.of("<b>pipe</b>"),
        List.of(
            new VizGraph.TaskNode(
                "node:" + evil,
                evil,
                "Fn::run",
                null,
                Set.of("t"),
                List.of(evil + "-in"),
                List.of(),
                "weir run --nodes '" + evil + "'")),
        List.of(
            new VizGraph.DataNode(
                "data:" + evil + "-in",
                evil + "-in",
                List.of(evil + "-in"),
                "MemoryDataset",
                null,
                true,
                null,
                Map.of())),
        List.of(),
        List.of(new VizGraph.Edge("data:" + evil + "-in", "node:" + evil, evil + "-in")),
        List.of(),
        List.of("t"),
        List.of(),
        null);
  }

  @Test
  void jsonHasEveryElementAndReadsBackToTheSameGraph() throws Exception {
    VizGraph graph = VizFixtures.graph(project);

    JsonNode tree = JSON.readTree(VizJson.pretty(graph));

    assertThat(tree.get("schema").asText()).isEqualTo("weir-viz/1");
    assertThat(tree.get("nodes")).hasSize(3);
    assertThat(tree.get("datasets")).hasSize(4);
    assertThat(tree.get("parameters")).hasSize(2);
    assertThat(tree.get("edges")).hasSize(8);
    assertThat(tree.get("namespaces")).hasSize(2);
    assertThat(tree.get("nodes").get(0).get("command").asText())
        .isEqualTo("weir run --nodes preprocess_companies_node");
    assertThat(tree.get("lastRun").isNull()).isTrue();
    assertThat(JSON.readTree(VizJson.forScriptElement(graph))).isEqualTo(tree);
  }

  @Test
  void scriptElementJsonHasNoMarkupCharactersButTheSameContent() throws Exception {
    VizGraph graph = hostileGraph();

    String json = VizJson.forScriptElement(graph);

    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(VizJson.pretty(graph)));
    assertThat(JSON.readTree(json).get("nodes").get(0).get("name").asText())
        .isEqualTo(graph.nodes().get(0).name());
  }

  @Test
  void htmlIsSelfContainedAndItsGraphBlockCannotBeClosedByData() throws Exception {
    VizGraph graph = hostileGraph();

    String html = HtmlRenderer.render(graph);

    // Nothing is loaded from elsewhere: no external scripts, styles or frames.
    assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=");
    assertThat(html).doesNotContainPattern("(?i)<link[\\s>]");
    assertThat(html).doesNotContainPattern("(?i)<iframe");
    assertThat(html).contains("cytoscape").contains("cytoscapeDagre");
    assertThat(html).contains("Content-Security-Policy");
    // Exactly the four script elements the template has: the data block and three scripts.
    assertThat(count(html, "<script")).isEqualTo(4);
    assertThat(count(html, "</script>")).isEqualTo(4);
    assertThat(html).doesNotContain("<img").doesNotContain("<b>pipe");
    assertThat(html).contains("<title>Weir viz · &lt;b&gt;pipe&lt;/b&gt;</title>");
    Matcher block =
        Pattern.compile(
                "<script type=\"application/json\" id=\"weir-graph\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(block.find()).isTrue();
    assertThat(JSON.readTree(block.group(1))).isEqualTo(JSON.readTree(VizJson.pretty(graph)));
  }

  @Test
  void htmlCarriesTheWholeProjectGraph() throws Exception {
    VizGraph graph = VizFixtures.graph(project);

    String html = HtmlRenderer.render(graph);

    Matcher block =
        Pattern.compile("id=\"weir-graph\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(block.find()).isTrue();
    assertThat(JSON.readTree(block.group(1))).isEqualTo(JSON.readTree(VizJson.pretty(graph)));
  }

  @Test
  void mermaidIsALeftToRightFlowchartWithNestedSubgraphsAndEveryEdge() {
    VizGraph graph = VizFixtures.graph(project);

    String mermaid = MermaidRenderer.render(graph);
    List<String> lines = mermaid.lines().toList();

    assertThat(lines.get(0)).isEqualTo("flowchart TB");
    assertThat(lines.stream().filter(l -> l.contains(" --> "))).hasSize(graph.edges().size());
    // ds contains eval, which contains the evaluate node and the metrics dataset.
    int ds = indexOf(lines, "subgraph ns0[\"ds\"]");
    int eval = indexOf(lines, "subgraph ns1[\"eval\"]");
    int evaluate = indexOf(lines, "(\"ds.eval.evaluate\"):::task");
    int metrics = indexOf(lines, "[(\"ds.eval.metrics\")]:::data");
    int firstEnd = indexOf(lines, "end");
    assertThat(ds).isLessThan(eval);
    assertThat(eval).isLessThan(evaluate).isLessThan(firstEnd);
    assertThat(metrics).isGreaterThan(eval).isLessThan(firstEnd);
    assertThat(lines.get(firstEnd + 1).trim()).isEqualTo("end");
    for (String name :
        List.of(
            "companies",
            "preprocessed_companies",
            "model_input_table",
            "preprocess_companies_node")) {
      assertThat(mermaid).contains("\"" + name + "\"");
    }
    assertThat(mermaid).contains("[/\"params:model_options\"/]:::params");
    assertThat(edgeLabels(mermaid, lines))
        .contains("companies -> preprocess_companies_node")
        .contains("model_input_table -> ds.eval.evaluate");
  }

  @Test
  void mermaidLabelsUseEntityCodesForCharactersThatWouldBreakThem() {
    assertThat(MermaidRenderer.quote("a\"b#c<d>")).isEqualTo("\"a#quot;b#35;c#lt;d#gt;\"");
  }

  @Test
  void dotIsOneDigraphWithNestedClustersAndEveryEdge() {
    VizGraph graph = VizFixtures.graph(project);

    String dot = DotRenderer.render(graph);
    List<String> lines = dot.lines().toList();

    assertThat(lines.get(0)).isEqualTo("digraph weir {");
    assertThat(dot).contains("rankdir=TB;");
    assertThat(lines.stream().filter(l -> l.contains(" -> "))).hasSize(graph.edges().size());
    assertThat(dot)
        .contains("\"data:companies\" -> \"node:preprocess_companies_node\";")
        .contains("\"node:ds.eval.evaluate\" -> \"data:ds.eval.metrics\";");
    int ds = indexOf(lines, "subgraph \"cluster_ns:ds\" {");
    int eval = indexOf(lines, "subgraph \"cluster_ns:ds.eval\" {");
    int evaluate = indexOf(lines, "\"node:ds.eval.evaluate\" [");
    assertThat(ds).isLessThan(eval);
    assertThat(eval).isLessThan(evaluate);
    assertThat(dot).contains("label=\"companies\\nspark.SparkDataset\"");
    assertThat(count(dot, "{")).isEqualTo(count(dot, "}"));
  }

  @Test
  void dotStringsEscapeQuotesAndBackslashes() {
    assertThat(DotRenderer.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
  }

  private static List<String> edgeLabels(String mermaid, List<String> lines) {
    Map<String, String> labels = new java.util.HashMap<>();
    Matcher m = Pattern.compile("(\\w\\d+)[\\[(/]+\"([^\"]+)\"").matcher(mermaid);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    List<String> edges = new ArrayList<>();
    for (String line : lines) {
      if (line.contains(" --> ")) {
        String[] ends = line.trim().split(" --> ");
        edges.add(labels.get(ends[0]) + " -> " + labels.get(ends[1]));
      }
    }
    return edges;
  }

  private static int indexOf(List<String> lines, String fragment) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.endsWith(fragment) || line.startsWith(fragment)) {
        return i;
      }
    }
    throw new AssertionError(
        "No line starts or ends with " + fragment + " in\n" + String.join("\n", lines));
  }

  private static int count(String text, String fragment) {
    int n = 0;
    for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
      n++;
    }
    return n;
  }
}
