package dev.weir.viz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weir.WeirException;

/** The graph as JSON: {@code weir viz --format json}, and the data the HTML page reads. */
public final class VizJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private VizJson() {}

  /**
   * @param graph the graph
   * @return indented JSON with the fields of {@link VizGraph}
   */
  public static String pretty(VizGraph graph) {
    try {
      return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(graph);
    } catch (JsonProcessingException e) {
      throw new WeirException("Could not write the pipeline graph as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * JSON safe to place inside an HTML {@code <script type="application/json">} element: {@code <},
   * {@code >} and {@code &} become {@code \u003c}, {@code \u003e} and {@code \u0026}, so neither
   * {@code </script>} nor {@code <!--} can appear (the HTML standard's script data rules), and
   * U+2028 / U+2029 are escaped too. In valid JSON these characters occur only inside strings,
   * where the escapes mean the same characters.
   *
   * @param graph the graph
   * @return compact JSON
   */
  public static String forScriptElement(VizGraph graph) {
    String json;
    try {
      json = MAPPER.writeValueAsString(graph);
    } catch (JsonProcessingException e) {
      throw new WeirException("Could not write the pipeline graph as JSON: " + e.getMessage(), e);
    }
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
