package dev.weir.sql;

import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code .sql} file into a SQL node. The node is declared in {@code -- weir:} comment lines
 * at the top of the file, before the query:
 *
 * <pre>
 * -- weir: inputs=reviews, params:min_rating
 * -- weir: output=preprocessed_reviews
 * -- weir: tags=reporting, sql
 * SELECT * FROM reviews WHERE review_scores_rating &gt; :min_rating
 * </pre>
 *
 * <p>Keys: {@code inputs} (comma-separated, may be empty), {@code output} (required), {@code tags}
 * (comma-separated), {@code name} (default: the file name without {@code .sql}), {@code namespace}.
 * A key may be given once. The header lines are plain SQL comments, so the whole file is the query
 * text and Spark's line numbers are the file's line numbers.
 */
final class SqlFiles {
  private static final Pattern HEADER = Pattern.compile("^\\s*--\\s*weir\\s*:(.*)$");
  private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Za-z_]+)\\s*=(.*)$");
  private static final List<String> KEYS = List.of("inputs", "output", "tags", "name", "namespace");

  private SqlFiles() {}

  /**
   * @param location the file or resource path, for messages
   * @param text the file's content
   * @param defaultName the node name when the header has none (the file name without {@code .sql})
   * @return the node
   * @throws SqlNodeException naming {@code location:line} for a malformed or misplaced header line,
   *     an unknown or repeated key, or a missing output
   */
  static Node read(String location, String text, String defaultName) {
    Map<String, String> header = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    boolean inHeader = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m = HEADER.matcher(line);
      String where = location + ":" + (i + 1);
      if (!m.matches()) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
          inHeader = false;
        }
        continue;
      }
      if (!inHeader) {
        throw new SqlNodeException(
            where
                + ": '-- weir:' lines declare the node and belong at the top of the file,"
                + " before the query. Move this line up.");
      }
      Matcher e = ENTRY.matcher(m.group(1));
      if (!e.matches()) {
        throw new SqlNodeException(
            where
                + ": expected '-- weir: key=value' with a key among "
                + KEYS
                + ", got '"
                + line.strip()
                + "'.");
      }
      String key = e.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!KEYS.contains(key)) {
        throw new SqlNodeException(
            where
                + ": unknown key '"
                + e.group(1)
                + "'."
                + dev.weir.ClosestNames.didYouMean(key, KEYS)
                + " The keys are "
                + KEYS
                + ".");
      }
      if (header.put(key, e.group(2).strip()) != null) {
        throw new SqlNodeException(
            where + ": '" + key + "' is given twice; give it once (lists are comma-separated).");
      }
    }
    if (!header.containsKey("output") || header.get("output").isEmpty()) {
      throw new SqlNodeException(
          location
              + ":1: the file declares no output. Add '-- weir: output=<dataset>' at the"
              + " top (and '-- weir: inputs=a, params:b' for its inputs).");
    }
    SqlNode.Builder node =
        SqlNode.sql(text)
            .source(new SqlSource(location, 1))
            .inputs(list(header.get("inputs")))
            .output(header.get("output"))
            .name(header.getOrDefault("name", defaultName))
            .tags(list(header.get("tags")));
    String namespace = header.get("namespace");
    if (namespace != null && !namespace.isEmpty()) {
      node.namespace(namespace);
    }
    return node.build();
  }

  private static List<String> list(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : Arrays.asList(value.split(","))) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
