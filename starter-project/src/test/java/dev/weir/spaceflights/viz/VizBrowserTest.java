package dev.weir.spaceflights.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.session.Session;
import dev.weir.viz.HtmlRenderer;
import dev.weir.viz.VizGraph;
import dev.weir.viz.VizGraphBuilder;
import dev.weir.viz.VizProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the {@code weir viz} page of the spaceflights {@code __default__} pipeline in real headless
 * Chromium (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them)
 * and checks what a user sees: no console errors, every node and dataset on the map, and a click on
 * a node showing its inputs and run command. Saves a screenshot to {@code
 * target/viz-screenshot.png}, and to {@code docs/viz.png} (the README's picture) only with {@code
 * -Dweir.refreshDocs=true}, so a test run leaves the working tree clean.
 *
 * <p>The page is drawn without the checkout's {@code .weir/last-run.json}, so it and the committed
 * picture are the same whether or not the project ran here. Tag filtering, namespaces and the
 * last-run overlay are exercised on a fixture by weir-runners' {@code VizPageBrowserTest}.
 *
 * <p>Expected names come from the pipeline objects, not from the page's own data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VizBrowserTest {
  private static final Path PROJECT = Paths.get("").toAbsolutePath();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String CLICKED_NODE = "create_model_input_table_node";

  private static Pipeline pipeline;
  private static VizGraph graph;
  private static ChromeDriver driver;
  private static Path userDataDir;

  @BeforeAll
  static void openThePage() throws Exception {
    assertThat(CHROMIUM)
        .as(
            "The weir viz browser test needs Debian's headless Chromium: run"
                + " `apt-get install -y chromium chromium-driver` (.ci/run does this in CI)")
        .isExecutable();
    assertThat(CHROMEDRIVER)
        .as("Install chromedriver: `apt-get install -y chromium-driver`")
        .isExecutable();

    Session session = Session.builder().projectPath(PROJECT).build();
    pipeline = session.pipelines().get(PipelineRegistry.DEFAULT);
    graph = VizProject.graph(session, List.of(), null);
    Path page = PROJECT.resolve("target/viz/spaceflights.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, HtmlRenderer.render(graph));

    userDataDir = Files.createTempDirectory("weir-viz-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,900",
        "--user-data-dir=" + userDataDir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.get(page.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                "true"
                    .equals(
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return document.documentElement.getAttribute('data-weir-ready')")));
  }

  @AfterAll
  static void closeTheBrowser() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (userDataDir != null) {
      try (var files = Files.walk(userDataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @Test
  @Order(1)
  void thePageLogsNoConsoleErrors() {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();

    assertThat(entries)
        .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .as("console errors")
        .isEmpty();
  }

  @Test
  @Order(2)
  void everyNodeDatasetAndParameterIsOnTheMap() {
    Set<String> nodes = new TreeSet<>();
    Set<String> datasets = new TreeSet<>();
    Set<String> parameters = new TreeSet<>();
    for (Node node : pipeline.nodes()) {
      nodes.add(node.name());
      for (String name : node.inputs()) {
        (name.startsWith("params:") || name.equals("parameters") ? parameters : datasets)
            .add(VizGraphBuilder.baseName(name));
      }
      node.outputs().forEach(o -> datasets.add(VizGraphBuilder.baseName(o)));
    }
    assertThat(nodes).contains(CLICKED_NODE, "preprocess_companies_node", "train_model_node");
    assertThat(datasets).contains("companies", "model_input_table", "regressor");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> drawn =
        (List<Map<String, Object>>)
            js("return cy.nodes().map(n => ({kind: n.data('kind'), name: n.data('name')}));");
    Map<String, Set<String>> byKind =
        drawn.stream()
            .collect(
                Collectors.groupingBy(
                    m -> (String) m.get("kind"),
                    Collectors.mapping(
                        m -> (String) m.get("name"), Collectors.toCollection(TreeSet::new))));

    assertThat(byKind.get("task")).isEqualTo(nodes);
    assertThat(byKind.get("data")).isEqualTo(datasets);
    assertThat(byKind.get("params")).isEqualTo(parameters);
    // Visible on the canvas, not only in the model: every element has a rendered size.
    assertThat((Boolean) js("return cy.nodes().every(n => n.visible() && n.renderedWidth() > 10);"))
        .isTrue();
  }

  @Test
  @Order(3)
  void theFirstViewIsTopToBottomWithLabelsLegibleAt1400By900() {
    assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(1400);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> edges =
        (List<Map<String, Object>>)
            js(
                "return cy.edges().map(e => ({id: e.id(), dy: e.target().position('y')"
                    + " - e.source().position('y')}));");
    assertThat(edges).hasSizeGreaterThan(pipeline.nodes().size());
    for (Map<String, Object> edge : edges) {
      assertThat(((Number) edge.get("dy")).doubleValue()).as("%s", edge.get("id")).isPositive();
    }
    // The canvas draws the labels: each line's rendered height is its label box in model units
    // times the zoom, over the number of lines.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> labels =
        (List<Map<String, Object>>)
            js(
                "return cy.nodes('.task, .data, .params').map(n => ({id: n.id(), px:"
                    + " n.boundingBox({includeNodes: false, includeEdges: false, includeLabels:"
                    + " true}).h * cy.zoom() / n.data('label').split('\\n').length}));");
    assertThat(labels).isNotEmpty();
    for (Map<String, Object> label : labels) {
      assertThat(((Number) label.get("px")).doubleValue())
          .as("rendered label line height of %s", label.get("id"))
          .isGreaterThanOrEqualTo(10.0);
    }
    // The whole spaceflights pipeline fits the first view at that legible size.
    assertThat(
            (Boolean)
                js(
                    "const b = cy.elements().boundingBox(), e = cy.extent(); return b.x1 >= e.x1"
                        + " && b.x2 <= e.x2 && b.y1 >= e.y1 && b.y2 <= e.y2;"))
        .as("every element in view")
        .isTrue();
    // The pipeline starts on screen: the first raw input is in view.
    assertThat(
            (Boolean)
                js(
                    "const p = cy.getElementById('data:companies').position(); const e ="
                        + " cy.extent(); return p.x > e.x1 && p.x < e.x2 && p.y > e.y1 && p.y <"
                        + " e.y2;"))
        .isTrue();
  }

  @Test
  @Order(4)
  void clickingADatasetShowsItsTypeAndCatalogEntry() {
    clickOn("data:model_input_table");

    String details = driver.findElement(By.id("details")).getText();
    assertThat(details)
        .contains("model_input_table")
        .contains("spark.DeltaTableDataset")
        .contains("03_primary")
        .contains("data/03_primary/model_input_table")
        .contains(CLICKED_NODE);
  }

  @Test
  @Order(5)
  void clickingANodeShowsItsFunctionInputsOutputsAndRunCommand() throws Exception {
    Node node = pipeline.node(CLICKED_NODE).orElseThrow();

    clickOn("node:" + CLICKED_NODE);

    WebElement details = driver.findElement(By.id("details"));
    String text = details.getText();
    assertThat(text).contains(CLICKED_NODE);
    for (String input : node.inputs()) {
      assertThat(text).contains(input);
    }
    for (String output : node.outputs()) {
      assertThat(text).contains(output);
    }
    assertThat(driver.findElement(By.id("run-command")).getText())
        .isEqualTo("weir run --nodes " + CLICKED_NODE);
    assertThat(text).contains(node.functionName());
    assertThat(js("return cy.$(':selected').map(n => n.id());"))
        .isEqualTo(List.of("node:" + CLICKED_NODE));

    Path shot = PROJECT.resolve("target/viz-screenshot.png");
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    // The README's picture is refreshed only on request, so `mvn verify` leaves the tree clean:
    // mvn verify -Dweir.refreshDocs=true -pl starter-project -am -Dtest=VizBrowserTest ...
    if (Boolean.getBoolean("weir.refreshDocs")) {
      Path docs = PROJECT.resolve("docs/viz.png");
      Files.createDirectories(docs.getParent());
      Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  @Test
  @Order(6)
  void theMapShowsNoRunHistoryOfThisCheckout() {
    assertThat(driver.findElement(By.id("run-status")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("last-run-section")).isDisplayed()).isFalse();
    assertThat(
            ((Number) js("return cy.nodes('.run-ok, .run-failed, .run-none').length;")).intValue())
        .isZero();
  }

  @Test
  @Order(7)
  void typingInTheSearchBoxNarrowsTheMap() {
    String query = "companies";
    Set<String> expected = new TreeSet<>();
    for (Node node : pipeline.nodes()) {
      expected.add(node.name());
      node.inputs().forEach(i -> expected.add(VizGraphBuilder.baseName(i)));
      node.outputs().forEach(o -> expected.add(VizGraphBuilder.baseName(o)));
    }
    expected.removeIf(name -> !name.contains(query));
    assertThat(expected).hasSizeGreaterThan(1);
    WebElement search = driver.findElement(By.id("search"));

    search.sendKeys(query);

    @SuppressWarnings("unchecked")
    List<String> matches = (List<String>) js("return cy.nodes('.match').map(n => n.data('name'));");
    assertThat(matches).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(driver.findElement(By.id("search-count")).getText())
        .isEqualTo(expected.size() + " matches");
    assertThat(((Number) js("return cy.nodes('.faded').length;")).intValue()).isPositive();

    search.sendKeys(Keys.BACK_SPACE.toString().repeat(query.length()));

    assertThat(((Number) js("return cy.elements('.match, .faded').length;")).intValue()).isZero();
    assertThat(((Number) js("return cy.nodes('.task').length;")).intValue())
        .isEqualTo(pipeline.nodes().size());
  }

  @Test
  @Order(8)
  void theTagListShowsThePipelinesTags() {
    Set<String> tags = new TreeSet<>();
    pipeline.nodes().forEach(n -> tags.addAll(n.tags()));

    List<String> chips =
        driver.findElements(By.cssSelector("#tags button.chip")).stream()
            .map(WebElement::getText)
            .toList();

    assertThat(chips).containsExactlyElementsOf(tags);
  }

  /** A real mouse click at the element's rendered position on the canvas. */
  private static void clickOn(String id) {
    @SuppressWarnings("unchecked")
    Map<String, Number> pos =
        (Map<String, Number>)
            js(
                "const n = cy.getElementById(arguments[0]);"
                    // as a user pans to a node that the first view leaves off screen
                    + " const e = cy.extent(), q = n.position();"
                    + " if (q.x < e.x1 || q.x > e.x2 || q.y < e.y1 || q.y > e.y2) cy.center(n);"
                    + " const p = n.renderedPosition();"
                    + " return {x: p.x, y: p.y, w: cy.width(), h: cy.height()};",
                id);
    WebElement canvas = driver.findElement(By.id("cy"));
    // Selenium 4 offsets are from the element's centre.
    int dx = (int) Math.round(pos.get("x").doubleValue() - pos.get("w").doubleValue() / 2);
    int dy = (int) Math.round(pos.get("y").doubleValue() - pos.get("h").doubleValue() / 2);
    new Actions(driver).moveToElement(canvas, dx, dy).click().perform();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("details")).getText().contains(nameOf(id)));
  }

  private static String nameOf(String id) {
    return id.substring(id.indexOf(':') + 1);
  }
}
