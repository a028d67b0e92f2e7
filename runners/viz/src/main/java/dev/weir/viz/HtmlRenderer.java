package dev.weir.viz;

import dev.weir.WeirException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The graph as one self-contained HTML page: styles, Cytoscape.js, its dagre layout and the page's
 * own script are inlined from this package's resources (see the README there for versions and
 * licences), and the graph is a JSON {@code <script type="application/json">} block, so opening the
 * file fetches nothing (its Content-Security-Policy forbids it). Values from the graph reach the
 * DOM only through {@code textContent}; the title is HTML-escaped here.
 */
public final class HtmlRenderer {
  private static final String RESOURCES = "/dev/weir/viz/";
  private static final List<String> LIBRARIES =
      List.of("cytoscape.min.js", "cytoscape-dagre.min.js");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private HtmlRenderer() {}

  /**
   * @param graph the graph
   * @return the page, UTF-8 text of about 0.5 MB (the libraries dominate)
   * @throws WeirException when a bundled resource is missing from the classpath (a broken build)
   */
  public static String render(VizGraph graph) {
    String pipelines = String.join(", ", graph.pipelines());
    StringBuilder scripts = new StringBuilder();
    for (String library : LIBRARIES) {
      scripts.append(inlineScript(resource(library)));
    }
    scripts.append(inlineScript(resource("viz.js")));
    Map<String, String> values =
        Map.of(
            "title", escapeHtml("Weir viz · " + pipelines),
            "heading", escapeHtml(pipelines),
            "style", resource("viz.css"),
            "graph", VizJson.forScriptElement(graph),
            "scripts", scripts.toString());
    return fill(resource("viz.html"), values);
  }

  /** Replaces placeholders in one pass, so inserted text is never scanned for placeholders. */
  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 600_000);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("viz.html has an unknown placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String inlineScript(String js) {
    // The HTML parser ends a script element at the first "</script", wherever it occurs.
    if (js.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
      throw new IllegalStateException("A bundled script contains </script and cannot be inlined");
    }
    return "<script>\n" + js + "\n</script>\n";
  }

  /**
   * @param text any text
   * @return the text with {@code & < > " '} as HTML character references
   */
  public static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new WeirException(
            "The viz resource "
                + RESOURCES
                + name
                + " is missing from the classpath;"
                + " rebuild weir-runners.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WeirException("Could not read the viz resource " + name + ": " + e.getMessage(), e);
    }
  }
}
