package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Opens the page of {@link VizFixtures} (tags, the nested modular pipeline {@code ds.eval},
 * parameters, a dataset with credentials) with its {@linkplain VizFixtures#failedRun() failed last
 * run} in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; {@code
 * .ci/run} installs them) and uses the page's own controls: tag chips, the modular-pipeline tree,
 * mouse clicks on the canvas. Each test loads the page afresh and ends with no console errors.
 *
 * <p>The canvas has no DOM text, so what it draws is read through the page's {@code window.cy}.
 * Expected names come from the fixture's pipeline objects, not from the page's own data.
 */
class VizPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TAG = "tables";
  private static final String INNER_NS = "ds.eval";
  private static final String OUTER_NS = "ds";

  private static Pipeline pipeline;
  private static Path page;
  private static Path partialRunPage;
  private static ChromeDriver driver;
  private static Path userDataDir;

  @BeforeAll
  static void renderThePageAndStartChromium(@TempDir Path project) throws Exception {
    assertThat(CHROMIUM)
        .as(
            "The weir viz browser test needs Debian's headless Chromium: run"
                + " `apt-get install -y chromium chromium-driver` (.ci/run does this in CI)")
        .isExecutable();
    assertThat(CHROMEDRIVER)
        .as("Install chromedriver: `apt-get install -y chromium-driver`")
        .isExecutable();

    pipeline = VizFixtures.pipeline();
    VizGraph graph =
        VizGraphBuilder.of(pipeline, VizFixtures.catalog(project))
            .parameters(VizFixtures.parameters())
            .lastRun(VizFixtures.failedRun())
            .build();
    // Under target/ rather than the temp dir, so a failure leaves the page to open by hand.
    page = Path.of("target/viz-browser/fixtures.html").toAbsolutePath();
    Files.createDirectories(page.getParent());
    Files.writeString(page, HtmlRenderer.render(graph));
    partialRunPage = page.resolveSibling("partial-run.html");
    Files.writeString(
        partialRunPage,
        HtmlRenderer.render(
            VizGraphBuilder.of(pipeline, VizFixtures.catalog(project))
                .parameters(VizFixtures.parameters())
                .lastRun(VizFixtures.partialRun())
                .build()));

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
  }

  @AfterAll
  static void closeTheBrowser() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (userDataDir != null) {
      try (Stream<Path> files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @BeforeEach
  void openThePage() {
    open(page);
  }

  private static void open(Path file) {
    driver.get(file.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                "true"
                    .equals(js("return document.documentElement.getAttribute('data-weir-ready')")));
  }

  @AfterEach
  void thePageLoggedNoConsoleErrors() {
    // Uncaught exceptions in the page's script are SEVERE entries of the browser log.
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();

    assertThat(entries)
        .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .as("console errors")
        .isEmpty();
  }

  @Test
  void everyElementIsDrawnAndTheRunIsSummarised() {
    Set<String> expected = new TreeSet<>();
    pipeline.nodes().forEach(n -> expected.addAll(elementIdsOf(n)));

    assertThat(drawn(".task, .data, .params")).isEqualTo(expected);
    WebElement badge = driver.findElement(By.id("run-status"));
    assertThat(badge.isDisplayed()).isTrue();
    assertThat(badge.getText()).startsWith("Last run failed");
    assertThat(driver.findElement(By.id("last-run")).getText())
        .containsIgnoringCase("Failed nodes")
        .contains(VizFixtures.FAILED_NODE);
  }

  @Test
  void filteringByATagHidesTheNodesWithoutIt() {
    List<String> all = pipeline.nodes().stream().map(Node::name).toList();
    List<Node> tagged = pipeline.nodes().stream().filter(n -> n.tags().contains(TAG)).toList();
    assertThat(tagged).as("the fixture must tag some nodes but not all").isNotEmpty();
    assertThat(tagged.size()).isLessThan(all.size());
    Set<String> around = new TreeSet<>();
    tagged.forEach(n -> around.addAll(elementIdsOf(n)));

    tagChip(TAG).click();

    assertThat(tagChip(TAG).getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(drawnNames(".task")).containsExactlyInAnyOrderElementsOf(names(tagged));
    assertThat(drawn(".task, .data, .params")).isEqualTo(around);
    for (Node node : pipeline.nodes()) {
      if (!node.tags().contains(TAG)) {
        assertThat(drawn("[id = '" + VizGraphBuilder.nodeId(node.name()) + "']"))
            .as("%s has no tag %s", node.name(), TAG)
            .isEmpty();
      }
    }

    tagChip(TAG).click();

    assertThat(tagChip(TAG).getAttribute("aria-pressed")).isEqualTo("false");
    assertThat(drawnNames(".task")).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void collapsingANamespaceHidesItsMembersBehindOneNodeAndExpandingRestoresThem() {
    Set<String> inner = membersOf(INNER_NS);
    Set<String> outer = membersOf(OUTER_NS);
    assertThat(inner).contains(VizGraphBuilder.nodeId(VizFixtures.FAILED_NODE)).hasSize(3);
    assertThat(drawn(".task, .data, .params")).containsAll(outer);
    assertThat(drawn(".ns")).containsExactly(nsId(OUTER_NS), nsId(INNER_NS));
    assertThat(drawn(".collapsed")).isEmpty();

    namespaceToggle(INNER_NS).click();

    assertThat(drawn(".task, .data, .params")).doesNotContainAnyElementsOf(inner);
    assertThat(drawn(".collapsed")).containsExactly(nsId(INNER_NS));
    assertThat(label(nsId(INNER_NS))).startsWith("eval\n1 node");
    // The outer namespace stays open around the collapsed one, which keeps the inner's edges.
    assertThat(drawn(".ns")).containsExactly(nsId(OUTER_NS), nsId(INNER_NS));
    assertThat(
            js(
                "return cy.getElementById(arguments[0]).incomers('node').map(n => n.id());",
                nsId(INNER_NS)))
        .isEqualTo(List.of(VizGraphBuilder.dataId(VizFixtures.DELTA_OUTPUT)));
    assertThat(hasClass(nsId(INNER_NS), "run-failed")).as("holds the failed node").isTrue();

    clickOn(nsId(INNER_NS));

    assertThat(drawn(".task, .data, .params")).containsAll(inner);
    assertThat(drawn(".collapsed")).isEmpty();
    assertThat(parentOf(VizGraphBuilder.nodeId(VizFixtures.FAILED_NODE))).isEqualTo(nsId(INNER_NS));
    // The details panel's own toggle now offers to collapse it again.
    assertThat(driver.findElement(By.id("details")).getText())
        .containsIgnoringCase("Modular pipeline")
        .endsWith("Collapse");

    namespaceToggle(OUTER_NS).click();

    assertThat(drawn(".task, .data, .params")).doesNotContainAnyElementsOf(outer);
    assertThat(drawn(".ns"))
        .as("the nested namespace folds into its parent")
        .containsExactly(nsId(OUTER_NS));
    assertThat(drawn(".collapsed")).containsExactly(nsId(OUTER_NS));

    driver.findElement(By.id("btn-expand-all")).click();

    assertThat(drawn(".task, .data, .params")).containsAll(outer);
    assertThat(drawn(".collapsed")).isEmpty();
  }

  @Test
  void theFailedNodeIsMarkedFailedAndShowsItsDurationAndError() {
    String failed = VizGraphBuilder.nodeId(VizFixtures.FAILED_NODE);
    String succeeded = VizGraphBuilder.nodeId("create_model_input_table_node");
    String seconds = String.format(Locale.US, "%.1f s", VizFixtures.FAILED_NODE_SECONDS);

    assertThat(hasClass(failed, "run-failed")).isTrue();
    assertThat(hasClass(succeeded, "run-ok")).isTrue();
    assertThat(drawn(".run-failed")).containsExactly(failed);
    assertThat(label(failed)).isEqualTo("evaluate\nfailed · " + seconds);
    assertThat(borderColour(failed)).isNotEqualTo(borderColour(succeeded));

    clickOn(failed);

    String details = driver.findElement(By.id("details")).getText();
    assertThat(details)
        .contains("failed in " + seconds)
        .contains(VizFixtures.FAILED_NODE_ERROR)
        .contains("evaluate");
    assertThat(driver.findElement(By.id("run-command")).getText())
        .isEqualTo("weir run --nodes " + VizFixtures.FAILED_NODE);
  }

  @Test
  void theDeltaOutputShowsItsRowCount() {
    String table = VizGraphBuilder.dataId(VizFixtures.DELTA_OUTPUT);
    String rows = String.format(Locale.US, "%,d rows", VizFixtures.DELTA_ROWS);

    assertThat(label(table)).contains(rows);

    clickOn(table);

    assertThat(driver.findElement(By.id("details")).getText())
        .contains("spark.DeltaTableDataset")
        .contains(rows + " written");
  }

  @Test
  void theDeltaOutputShowsAnExpectationBadgeAndItsPaneTheDetails() {
    String table = VizGraphBuilder.dataId(VizFixtures.DELTA_OUTPUT);
    String dropped = String.format(Locale.US, "%,d", VizFixtures.DROPPED_ROWS);
    String checked =
        String.format(Locale.US, "%,d rows", VizFixtures.DELTA_ROWS + VizFixtures.DROPPED_ROWS);

    assertThat(label(table)).contains("\u26a0 " + dropped + " expectation violations");
    assertThat(hasClass(table, "exp-violated")).isTrue();
    assertThat(drawn(".exp-violated, .exp-failed, .exp-ok")).containsExactly(table);

    clickOn(table);

    assertThat(driver.findElement(By.id("expectations")).getText())
        .contains("positive_price [drop]: " + dropped + " of " + checked + " violated price > 0")
        .contains("known_company [warn]: 0 of " + checked + " violated company_id IS NOT NULL");
  }

  @Test
  void clickingTheCredentialedDatasetShowsItsEntryWithoutSecrets() {
    clickOn(VizGraphBuilder.dataId("companies"));

    String details = driver.findElement(By.id("details")).getText();
    String entry = driver.findElement(By.id("catalog-entry")).getText();
    assertThat(details).contains("spark.SparkDataset").contains("01_raw");
    assertThat(entry)
        .contains("data/01_raw/companies.csv")
        .contains("\"header\": true")
        .contains("\"password\": \"" + CatalogEntries.REDACTED + "\"")
        .doesNotContain("credentials")
        .doesNotContain("s3_creds");
    for (String secret :
        List.of(VizFixtures.SECRET, VizFixtures.SECRET_KEY_ID, VizFixtures.INLINE_PASSWORD)) {
      assertThat(details).doesNotContain(secret);
      assertThat(driver.getPageSource()).doesNotContain(secret);
    }
  }

  @Test
  void theMapIsLaidOutTopToBottomWithLegibleLabelsAt1400By900() {
    assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(1400);

    // Every edge between two drawn elements points down the page.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> edges =
        (List<Map<String, Object>>)
            js(
                "return cy.edges().map(e => ({id: e.id(), dy: e.target().position('y')"
                    + " - e.source().position('y')}));");
    assertThat(edges).hasSizeGreaterThan(5);
    for (Map<String, Object> edge : edges) {
      assertThat(((Number) edge.get("dy")).doubleValue()).as("%s", edge.get("id")).isPositive();
    }
    // Each label line renders at least 10 px high on screen (the canvas draws text, so its box
    // comes from Cytoscape: label bounds in model units times the zoom, per line).
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> labels =
        (List<Map<String, Object>>)
            js(
                "return cy.nodes('.task, .data, .params').map(n => ({id: n.id(), px:"
                    + " n.boundingBox({includeNodes: false, includeEdges: false, includeLabels:"
                    + " true}).h * cy.zoom() / n.data('label').split('\\n').length}));");
    assertThat(labels).hasSize(drawn(".task, .data, .params").size());
    for (Map<String, Object> label : labels) {
      assertThat(((Number) label.get("px")).doubleValue())
          .as("rendered label line height of %s", label.get("id"))
          .isGreaterThanOrEqualTo(10.0);
    }
    // The first view starts at the top of the pipeline: its first node is on screen.
    assertThat(
            (Boolean)
                js(
                    "const n = cy.getElementById(arguments[0]); const e = cy.extent();"
                        + " const p = n.position(); return p.x > e.x1 && p.x < e.x2 && p.y > e.y1"
                        + " && p.y < e.y2;",
                    VizGraphBuilder.nodeId("preprocess_companies_node")))
        .isTrue();
  }

  @Test
  void layerColoursAreNotRunStatusColours() {
    Set<String> status = new TreeSet<>();
    for (String cls : List.of("run-ok", "run-failed")) {
      status.add(
          Objects.requireNonNull(
              (String)
                  js("return cy.nodes('.' + arguments[0]).first().style('border-color');", cls)));
    }
    @SuppressWarnings("unchecked")
    List<String> layers =
        (List<String>)
            js(
                "const probe = document.createElement('span'); document.body.appendChild(probe);"
                    + " const out = weirViz.layerColours.map(c => { probe.style.color = c;"
                    + " return getComputedStyle(probe).color; }); probe.remove(); return out;");
    @SuppressWarnings("unchecked")
    List<String> drawnLayers =
        (List<String>) js("return cy.nodes('.data').map(n => n.style('border-color'));");
    assertThat(layers).hasSizeGreaterThanOrEqualTo(8);
    List<String> all = new ArrayList<>(layers);
    all.addAll(drawnLayers);
    for (String layer : all) {
      for (String s : status) {
        assertThat(hueDistance(layer, s))
            .as("layer colour %s against run-status colour %s", layer, s)
            .isGreaterThanOrEqualTo(30.0);
      }
    }
  }

  @Test
  void afterAPartialRunTheNodesThatDidNotRunAreMarkedNotRunAndTimesReadEasily() {
    open(partialRunPage);
    String ran = VizGraphBuilder.nodeId(VizFixtures.PARTIAL_NODE);
    List<String> notRun =
        pipeline.nodes().stream()
            .map(Node::name)
            .filter(n -> !n.equals(VizFixtures.PARTIAL_NODE))
            .map(VizGraphBuilder::nodeId)
            .toList();
    assertThat(notRun).hasSize(2);

    assertThat(label(ran)).isEqualTo(VizFixtures.PARTIAL_NODE + "\n3 min 4 s");
    assertThat(hasClass(ran, "run-ok")).isTrue();
    assertThat(drawn(".run-none")).containsExactlyInAnyOrderElementsOf(notRun);
    for (String id : notRun) {
      assertThat(label(id)).endsWith("\nnot run");
    }
    assertThat(borderColour(notRun.get(0))).isNotEqualTo(borderColour(ran));
    assertThat(driver.findElement(By.id("legend")).getText()).contains("not run in the last run");
    assertThat(driver.findElement(By.id("run-status")).getText())
        .isEqualTo("Last run succeeded · 3 min 10 s");
    assertThat(driver.findElement(By.id("last-run")).getText())
        .contains("1 Jan 2026, 09:00:00 UTC")
        .contains("1 Jan 2026, 09:03:10 UTC")
        .doesNotContain("2026-01-01T09:03:10Z");

    clickOn(notRun.get(0));

    assertThat(driver.findElement(By.id("details")).getText()).contains("not run");
  }

  @Test
  void clickingAParameterShowsItsValue() {
    clickOn("params:model_options");

    assertThat(driver.findElement(By.id("details")).getText())
        .contains("\"test_size\": 0.2")
        .contains("preprocess_companies_node");
  }

  /** Ids of the node and the datasets and parameters it reads or writes, as the map draws them. */
  private static Set<String> elementIdsOf(Node node) {
    Set<String> ids = new TreeSet<>();
    ids.add(VizGraphBuilder.nodeId(node.name()));
    for (String name : concat(node.inputs(), node.outputs())) {
      ids.add(isParameter(name) ? name : VizGraphBuilder.dataId(name));
    }
    return ids;
  }

  /** A namespace's nodes and the datasets and parameters named inside it (Kedro's prefixes). */
  private static Set<String> membersOf(String ns) {
    Set<String> ids = new TreeSet<>();
    for (Node node : pipeline.nodes()) {
      String own = node.namespace();
      if (own == null || !(own.equals(ns) || own.startsWith(ns + "."))) {
        continue;
      }
      ids.add(VizGraphBuilder.nodeId(node.name()));
      for (String name : concat(node.inputs(), node.outputs())) {
        if (name.startsWith("params:" + ns + ".")) {
          ids.add(name);
        } else if (name.startsWith(ns + ".")) {
          ids.add(VizGraphBuilder.dataId(name));
        }
      }
    }
    return ids;
  }

  private static boolean isParameter(String name) {
    return name.startsWith("params:") || name.equals("parameters");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> names(List<Node> nodes) {
    return nodes.stream().map(Node::name).toList();
  }

  private static String nsId(String ns) {
    return "ns:" + ns;
  }

  private static WebElement tagChip(String tag) {
    // Looked up each time: the chips are rebuilt on every click.
    return driver.findElements(By.cssSelector("#tags button.chip")).stream()
        .filter(b -> b.getText().equals(tag))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tag chip " + tag));
  }

  private static WebElement namespaceToggle(String ns) {
    return driver.findElement(
        By.cssSelector("#namespaces button[title='Collapse or expand " + ns + "']"));
  }

  private static @Nullable Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  private static Set<String> drawn(String selector) {
    return new TreeSet<>(
        (List<String>) js("return cy.nodes(arguments[0]).map(n => n.id());", selector));
  }

  @SuppressWarnings("unchecked")
  private static @Nullable List<String> drawnNames(String selector) {
    return (List<String>) js("return cy.nodes(arguments[0]).map(n => n.data('name'));", selector);
  }

  private static @Nullable String label(String id) {
    return (String) js("return cy.getElementById(arguments[0]).data('label');", id);
  }

  private static boolean hasClass(String id, String cls) {
    return Boolean.TRUE.equals(
        js("return cy.getElementById(arguments[0]).hasClass(arguments[1]);", id, cls));
  }

  private static @Nullable String parentOf(String id) {
    return (String) js("return cy.getElementById(arguments[0]).parent().id();", id);
  }

  private static @Nullable String borderColour(String id) {
    return (String) js("return cy.getElementById(arguments[0]).style('border-color');", id);
  }

  /** Degrees between the hues of two CSS {@code rgb(r, g, b)} colours, 0 to 180. */
  private static double hueDistance(String a, String b) {
    double d = Math.abs(hue(a) - hue(b));
    return Math.min(d, 360 - d);
  }

  private static double hue(String css) {
    String[] parts = css.replaceAll("[^0-9,.]", "").split(",");
    float[] hsb =
        java.awt.Color.RGBtoHSB(
            Integer.parseInt(parts[0]),
            Integer.parseInt(parts[1]),
            Integer.parseInt(parts[2]),
            null);
    return hsb[0] * 360.0;
  }

  private static double number(Map<String, Number> values, String key) {
    return Objects.requireNonNull(values.get(key), key).doubleValue();
  }

  /** A real mouse click at the element's rendered position on the canvas. */
  private static void clickOn(String id) {
    @SuppressWarnings("unchecked")
    Map<String, Number> pos =
        (Map<String, Number>)
            Objects.requireNonNull(
                js(
                    "const n = cy.getElementById(arguments[0]);"
                        // as a user pans to a node that the first view leaves off screen
                        + " const e = cy.extent(), q = n.position();"
                        + " if (q.x < e.x1 || q.x > e.x2 || q.y < e.y1 || q.y > e.y2) cy.center(n);"
                        + " const p = n.renderedPosition();"
                        + " return {x: p.x, y: p.y, w: cy.width(), h: cy.height()};",
                    id));
    WebElement canvas = driver.findElement(By.id("cy"));
    // Selenium 4 offsets are from the element's centre.
    int dx = (int) Math.round(number(pos, "x") - number(pos, "w") / 2);
    int dy = (int) Math.round(number(pos, "y") - number(pos, "h") / 2);
    new Actions(driver).moveToElement(canvas, dx, dy).click().perform();
    String name = id.substring(id.indexOf(':') + 1);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("details")).getText().contains(name));
  }
}
