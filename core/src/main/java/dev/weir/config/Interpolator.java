package dev.weir.config;

import dev.weir.ClosestNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@code ${...}} in one environment's configuration of one kind, as Kedro's
 * OmegaConfigLoader does with OmegaConf: {@code ${a.b}} refers to another key of the same kind and
 * environment ({@code _} templates included; a number selects a list item), {@code
 * ${globals:key, default}}, {@code ${runtime_params:key, default}} and, in credentials only, {@code
 * ${env:VAR, default}} (also spelled {@code ${oc.env:VAR}}). A value that is exactly one {@code
 * ${...}} takes the referenced value with its type (a map, a number); a {@code ${...}} inside
 * longer text becomes text. {@code \${} is a literal {@code ${}. Defaults are typed as YAML
 * scalars.
 */
final class Interpolator {
  private static final Pattern RESOLVER =
      Pattern.compile("^([A-Za-z_][\\w.]*):(.*)$", Pattern.DOTALL);
  private static final String ESCAPED = "\\${";

  private final String kind;
  private final Map<String, @Nullable Object> tree;
  private final Map<String, String> sources;
  private final Function<String, Optional<Found>> globals;
  private final Map<String, Object> runtimeParams;
  private final Function<String, @Nullable String> environment;
  private final Deque<String> resolving = new ArrayDeque<>();

  /**
   * @param kind the kind being resolved (decides which resolvers are allowed)
   * @param tree one environment's configuration of the kind, before templates are dropped
   * @param sources top-level key to file, for messages
   * @param globals looks up a dotted key in the merged globals
   * @param runtimeParams the run's {@code --params}
   * @param environment environment variables
   */
  Interpolator(
      String kind,
      Map<String, @Nullable Object> tree,
      Map<String, String> sources,
      Function<String, Optional<Found>> globals,
      Map<String, Object> runtimeParams,
      Function<String, @Nullable String> environment) {
    this.kind = kind;
    this.tree = tree;
    this.sources = sources;
    this.globals = globals;
    this.runtimeParams = runtimeParams;
    this.environment = environment;
  }

  /** Resolves every value of the tree; returns a new tree. */
  Map<String, @Nullable Object> resolveAll() {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    tree.forEach((k, v) -> out.put(k, resolve(v, k)));
    return out;
  }

  private @Nullable Object resolve(@Nullable Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, resolve(v, path + "." + k)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(resolve(list.get(i), path + "." + i));
      }
      return out;
    }
    if (value instanceof String text && text.contains("${")) {
      return resolveString(text, path);
    }
    return value;
  }

  private @Nullable Object resolveString(String text, String path) {
    int close = closing(text, 0);
    if (text.startsWith("${") && close == text.length() - 1) {
      return evaluate(text.substring(2, close), path);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(ESCAPED, i)) {
        out.append("${");
        i += ESCAPED.length();
      } else if (text.startsWith("${", i)) {
        int end = closing(text, i);
        if (end < 0) {
          throw error(path, "'" + text + "' has a '${' without its closing '}'");
        }
        out.append(evaluate(text.substring(i + 2, end), path));
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static int closing(String text, int start) {
    if (!text.startsWith("${", start) || (start > 0 && text.charAt(start - 1) == '\\')) {
      return -1;
    }
    return text.indexOf('}', start + 2);
  }

  private @Nullable Object evaluate(String expression, String path) {
    String expr = expression.trim();
    Matcher m = RESOLVER.matcher(expr);
    if (!m.matches()) {
      return reference(expr, path);
    }
    String resolver = m.group(1);
    String args = m.group(2);
    int comma = args.indexOf(',');
    String key = (comma < 0 ? args : args.substring(0, comma)).trim();
    @Nullable Object fallback =
        comma < 0 ? null : SafeYaml.scalar(args.substring(comma + 1).trim());
    boolean hasDefault = comma >= 0;
    switch (resolver) {
      case "globals" -> {
        Optional<Found> found = globals.apply(key);
        if (found.isPresent()) {
          return found.get().value();
        }
        if (hasDefault) {
          return fallback;
        }
        throw error(
            path,
            "${globals:"
                + key
                + "} has no value: no key '"
                + key
                + "' in the globals (globals*.yml in conf/base and the run environment) and no"
                + " default; add it there or write ${globals:"
                + key
                + ", default}");
      }
      case "runtime_params" -> {
        if (kind.equals("globals")) {
          throw error(path, "${runtime_params:...} cannot be used in globals (as in Kedro)");
        }
        Optional<Found> found = lookup(runtimeParams, key);
        if (found.isPresent()) {
          return found.get().value();
        }
        if (hasDefault) {
          return fallback;
        }
        throw error(
            path,
            "${runtime_params:"
                + key
                + "} has no value: pass --params "
                + key
                + "=... or write ${runtime_params:"
                + key
                + ", default}");
      }
      case "env", "oc.env" -> {
        if (!kind.equals("credentials")) {
          throw error(
              path,
              "${"
                  + resolver
                  + ":"
                  + key
                  + "} reads an environment variable, which is allowed in credentials only (as"
                  + " in Kedro); move the value to a credentials*.yml file");
        }
        String value = environment.apply(key);
        if (value != null) {
          return value;
        }
        if (hasDefault) {
          return fallback;
        }
        throw error(
            path,
            "environment variable "
                + key
                + " is not set and ${"
                + resolver
                + ":"
                + key
                + "} has no default; set it or write ${"
                + resolver
                + ":"
                + key
                + ", default}");
      }
      default ->
          throw error(
              path,
              "unknown resolver '"
                  + resolver
                  + ":' in ${"
                  + expr
                  + "}; use ${a.b}, ${globals:key}, ${runtime_params:key} or, in credentials,"
                  + " ${env:VAR}");
    }
  }

  private @Nullable Object reference(String key, String path) {
    if (resolving.contains(key)) {
      throw error(
          path, "${" + key + "} refers to itself through " + String.join(" -> ", resolving));
    }
    Optional<Found> found = lookup(tree, key);
    if (found.isEmpty()) {
      List<String> keys = new ArrayList<>();
      paths("", tree, keys);
      throw error(
          path,
          "${"
              + key
              + "} refers to a key that is not in the "
              + kind
              + " configuration of this environment (base and the run environment are resolved"
              + " separately, as in Kedro)."
              + ClosestNames.didYouMean(key, keys));
    }
    resolving.push(key);
    try {
      return resolve(found.get().value(), key);
    } finally {
      resolving.pop();
    }
  }

  private static void paths(String prefix, Map<?, ?> map, List<String> out) {
    map.forEach(
        (k, v) -> {
          String p = prefix + k;
          out.add(p);
          if (v instanceof Map<?, ?> nested && out.size() < 10_000) {
            paths(p + ".", nested, out);
          }
        });
  }

  /** A looked-up value, which may be YAML's {@code null}. */
  record Found(@Nullable Object value) {}

  /** Looks a dotted key up in nested maps and lists; empty when any part is missing. */
  static Optional<Found> lookup(Map<String, ? extends @Nullable Object> root, String dotted) {
    if (root.containsKey(dotted)) {
      return Optional.of(new Found(root.get(dotted)));
    }
    @Nullable Object current = root;
    for (String part : dotted.split("\\.")) {
      if (current instanceof Map<?, ?> map && map.containsKey(part)) {
        current = map.get(part);
      } else if (current instanceof List<?> list
          && part.matches("\\d{1,9}")
          && Integer.parseInt(part) < list.size()) {
        current = list.get(Integer.parseInt(part));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Found(current));
  }

  private ConfigException error(String path, String what) {
    String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    String file = sources.getOrDefault(top, "the " + kind + " configuration");
    String end = what.endsWith(".") || what.endsWith("?") ? "" : ".";
    return new ConfigException("Cannot resolve key '" + path + "' in " + file + ": " + what + end);
  }
}
