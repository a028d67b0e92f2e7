package dev.weir.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one factory of SnakeYAML parsers in Weir, set up for untrusted files (configuration, bundle
 * and spec files in every module): {@link SafeConstructor} with a tag inspector that allows no tag,
 * so no class is ever instantiated and every global or custom tag such as {@code !!java.io.File} is
 * refused; duplicate keys refused; at most {@value #MAX_ALIASES} aliases for collections (alias
 * bombs, "billion laughs"); a nesting limit of {@value #MAX_NESTING_DEPTH}; no recursive keys; at
 * most {@value #MAX_CODE_POINTS} code points per document. Unlike plain YAML 1.1, dates stay
 * strings ({@code 2024-01-31} is not turned into a {@code java.util.Date}), so parameters and
 * version strings keep the text written.
 *
 * <p>Use {@link #parse(String, String)} for a document with Weir's error messages, or {@link
 * #newYaml()} where SnakeYAML itself is needed. Parsers are not thread-safe: get a new one per
 * load.
 */
public final class SafeYaml {
  /** Most aliases to collections one document may hold. */
  public static final int MAX_ALIASES = 50;

  /** Deepest nesting of collections one document may hold. */
  public static final int MAX_NESTING_DEPTH = 50;

  /** Largest document, in code points (10 MiB of ASCII). */
  public static final int MAX_CODE_POINTS = 10 * 1024 * 1024;

  private SafeYaml() {}

  /**
   * A new hardened parser with the options above; SnakeYAML's {@link Yaml} is not thread-safe, so
   * each load gets its own.
   *
   * @return a parser that loads maps, lists and scalars only
   */
  public static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setTagInspector(tag -> false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, new NoDates());
  }

  /**
   * Writes maps, lists and scalars as block-style YAML: two-space indents (list items indented
   * under their key), no line wrapping, {@code \n} line breaks. Only plain data is written; a Java
   * bean or a custom type is refused rather than tagged.
   *
   * @param data a Map, List or scalar, nested
   * @return the YAML text, ending with a line break
   * @throws org.yaml.snakeyaml.error.YAMLException when {@code data} holds a type other than maps,
   *     lists and scalars
   */
  public static String dump(@Nullable Object data) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    return new Yaml(new PlainRepresenter(options), options).dump(data);
  }

  /**
   * Parses a document.
   *
   * @param text YAML text
   * @param where the file name for messages
   * @return the document (a Map, List, scalar or {@code null} for an empty file), maps with string
   *     keys
   * @throws ConfigException naming {@code where}, the line and column, and the problem (a refused
   *     tag, too many aliases, a duplicate key, malformed YAML)
   */
  public static @Nullable Object parse(String text, String where) {
    try {
      return normalize(newYaml().load(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String at =
          mark == null ? where : where + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      String what = isTagProblem(e.getMessage()) ? "Refused YAML tag in " : "Malformed YAML in ";
      throw new ConfigException(what + at + ": " + problem(e) + hint(e.getMessage()), e);
    } catch (YAMLException e) {
      throw new ConfigException(
          "YAML in " + where + " was refused: " + e.getMessage() + hint(e.getMessage()), e);
    }
  }

  /**
   * Types a scalar as YAML would: {@code 3} an Integer, {@code 0.3} a Double, {@code true} a
   * Boolean, {@code 'a b'} the string {@code a b}; empty text is the empty string, and text that is
   * not valid YAML (such as {@code @home}) stays the text itself, as Kedro keeps it a string.
   */
  static @Nullable Object scalar(String text) {
    if (text.isBlank()) {
      return "";
    }
    try {
      return parse(text, "a value");
    } catch (ConfigException e) {
      return text;
    }
  }

  private static String problem(MarkedYAMLException e) {
    String problem = e.getProblem();
    String context = e.getContext();
    if (problem == null) {
      return String.valueOf(e.getMessage());
    }
    return context == null ? problem : context + ", " + problem;
  }

  private static String hint(@Nullable String message) {
    if (message == null) {
      return "";
    }
    if (message.contains("aliases")) {
      return ". Weir allows at most "
          + MAX_ALIASES
          + " aliases to collections in one file (protection against alias bombs); use fewer"
          + " anchors or a `_` template with ${...} interpolation.";
    }
    if (isTagProblem(message)) {
      return ". Weir reads YAML safely and does not construct objects from tags such as"
          + " !!java.io.File; remove the tag and write a plain value.";
    }
    if (message.contains("duplicate key")) {
      return ". Remove one of the two entries.";
    }
    return "";
  }

  private static boolean isTagProblem(@Nullable String message) {
    return message != null && (message.contains("Global tag") || message.contains("for the tag"));
  }

  /** Deep copy with string keys, so callers can rely on {@code Map<String, Object>}. */
  static @Nullable Object normalize(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(normalize(v)));
      return out;
    }
    return value;
  }

  /** Deep unmodifiable view over freshly built maps and lists. */
  @SuppressWarnings("unchecked")
  static @Nullable Object freeze(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, freeze(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(freeze(v)));
      return Collections.unmodifiableList(out);
    }
    return value;
  }

  /** YAML 1.1 implicit types except timestamps. */
  private static final class NoDates extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
      addImplicitResolver(Tag.YAML, YAML, "!&*");
    }
  }

  /** Writes maps, lists and scalars; refuses a Java bean instead of writing a {@code !!} tag. */
  private static final class PlainRepresenter extends Representer {
    PlainRepresenter(DumperOptions options) {
      super(options);
    }

    @Override
    protected org.yaml.snakeyaml.nodes.MappingNode representJavaBean(
        java.util.Set<org.yaml.snakeyaml.introspector.Property> properties, Object javaBean) {
      throw new YAMLException(
          "Cannot write a "
              + javaBean.getClass().getName()
              + " as YAML: only maps, lists and scalars are written. Convert it to a Map first.");
    }
  }
}
