package dev.weir.sql;

import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a SQL node: a {@link Node} like any other (named inputs, one output, tags, namespace)
 * whose body is a Spark SQL query over its inputs.
 *
 * <pre>{@code
 * Node n = SqlNode.sql("SELECT * FROM companies WHERE company_rating > :min_rating")
 *     .inputs("companies", "params:min_rating")
 *     .output("rated_companies")
 *     .name("rated_companies_node")
 *     .build();
 * }</pre>
 *
 * <p>Naming rules:
 *
 * <ul>
 *   <li>a DataFrame input is visible under its dataset name without the transcoding suffix: {@code
 *       companies@spark} is {@code companies}; a name with dots (a namespaced dataset such as
 *       {@code data_science.model_input}) is written back-quoted, {@code
 *       `data_science.model_input`}, or unquoted;
 *   <li>{@code params:x} is the named parameter {@code :x}, and a nested {@code params:a.b} is
 *       {@code :a_b}; values are bound by Spark, never spliced into the text;
 *   <li>{@code parameters} (all parameters) cannot be an input of a SQL node.
 * </ul>
 *
 * <p>The names a query uses are fixed when the node is built: a modular pipeline that renames the
 * node's datasets ({@link dev.weir.pipeline.Pipeline#namespaced}) feeds the renamed datasets under
 * the same names.
 */
public final class SqlNode {
  private SqlNode() {}

  /**
   * @param sql one {@code SELECT} or {@code WITH ... SELECT} statement
   * @return a builder; set inputs, the output and a name, then {@link Builder#build()}
   */
  public static Builder sql(String sql) {
    return new Builder(Objects.requireNonNull(sql, "sql"));
  }

  /**
   * @param input a {@code params:} input
   * @return the SQL parameter name: the part after {@code params:} with dots as underscores
   */
  static String parameterName(String input) {
    return input.substring("params:".length()).replace('.', '_');
  }

  /**
   * @param input a dataset input
   * @return the view name: the dataset name without its {@code @} transcoding suffix
   */
  static String viewName(String input) {
    int at = input.indexOf('@');
    return at < 0 ? input : input.substring(0, at);
  }

  /** Builds a SQL node. */
  public static final class Builder {
    private final String sql;
    private SqlSource source = SqlSource.INLINE;
    private List<String> inputs = List.of();
    private @Nullable String output;
    private @Nullable String name;
    private @Nullable String namespace;
    private final List<String> tags = new ArrayList<>();

    private Builder(String sql) {
      this.sql = sql;
    }

    /**
     * @param datasetNames the input datasets and {@code params:} entries
     * @return this builder
     */
    public Builder inputs(String... datasetNames) {
      return inputs(List.of(datasetNames));
    }

    /**
     * @param datasetNames the input datasets and {@code params:} entries
     * @return this builder
     */
    public Builder inputs(List<String> datasetNames) {
      this.inputs = List.copyOf(datasetNames);
      return this;
    }

    /**
     * @param datasetName the dataset the query's result is saved to
     * @return this builder
     */
    public Builder output(String datasetName) {
      this.output = datasetName;
      return this;
    }

    /**
     * @param name the node name, matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * @param tags tags, each matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder tags(String... tags) {
      this.tags.addAll(List.of(tags));
      return this;
    }

    /**
     * @param tags tags, each matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder tags(List<String> tags) {
      this.tags.addAll(tags);
      return this;
    }

    /**
     * @param namespace a namespace such as {@code reporting}
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /**
     * @param source where the text comes from, for messages with file and line
     * @return this builder
     */
    public Builder source(SqlSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the node. The query is not parsed here, so a pipeline with a broken query can still be
     * listed; {@link SqlNodes#validate} and the run report it.
     *
     * @return the node
     * @throws SqlNodeException when the output is missing, {@code parameters} is an input, or two
     *     inputs would be visible under the same name
     * @throws dev.weir.pipeline.PipelineException when a Kedro node rule is broken (names, tags)
     */
    public Node build() {
      String label = name != null ? name : source.location();
      if (output == null) {
        throw new SqlNodeException(
            "SQL node '"
                + label
                + "' ("
                + source.location()
                + ") declares no output; a SQL"
                + " node has exactly one: the query's result. Set it with .output(\"name\")"
                + " (or '-- weir: output=name' in a .sql file).");
      }
      Map<String, String> byArgument = new LinkedHashMap<>();
      List<String> views = new ArrayList<>();
      List<String> params = new ArrayList<>();
      Map<String, String> seen = new LinkedHashMap<>();
      for (String input : inputs) {
        String argument;
        if (input.equals("parameters")) {
          throw new SqlNodeException(
              "SQL node '"
                  + label
                  + "' ("
                  + source.location()
                  + ") takes 'parameters'; a SQL"
                  + " query binds single values. Use params:<name> inputs and :<name> in the"
                  + " query.");
        } else if (input.startsWith("params:")) {
          String param = parameterName(input);
          params.add(param);
          argument = ":" + param;
        } else {
          String view = viewName(input);
          views.add(view);
          argument = view;
        }
        String before = seen.put(argument.toLowerCase(Locale.ROOT), input);
        if (before != null) {
          throw new SqlNodeException(
              "SQL node '"
                  + label
                  + "' ("
                  + source.location()
                  + "): the inputs '"
                  + before
                  + "' and '"
                  + input
                  + "' would both be visible as "
                  + argument
                  + " in the query. Read one of them in another node.");
        }
        byArgument.put(argument, input);
      }
      SqlNodeFunction function = new SqlNodeFunction(sql, source, views, params);
      Node.Builder node =
          Node.mapNode(function)
              .inputs(byArgument)
              .outputs(Map.of(SqlNodeFunction.OUTPUT_KEY, output))
              .tags(tags.toArray(String[]::new));
      if (name != null) {
        node.name(name);
      }
      if (namespace != null) {
        node.namespace(namespace);
      }
      return node.build();
    }
  }
}
