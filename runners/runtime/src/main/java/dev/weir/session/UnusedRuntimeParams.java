package dev.weir.session;

import dev.weir.ClosestNames;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds runtime parameters ({@code --params k=v}) that nothing reads: no node of any registered
 * pipeline has the input {@code params:k} (or a parent or child key of it, or {@code parameters}),
 * and no configuration file interpolates {@code ${runtime_params:k}}. Such a parameter is almost
 * always a typo ({@code modeloptions.test_size} for {@code model_options.test_size}); each one gets
 * a message with the closest existing parameter keys.
 */
final class UnusedRuntimeParams {
  private static final String PARAMS_PREFIX = "params:";
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{\\s*runtime_params:\\s*([^,}\\s]+)");

  private UnusedRuntimeParams() {}

  /**
   * @param runtimeParams the runtime parameters, nested
   * @param parameters every parameter of the run (files and runtime merged), nested
   * @param pipelines every registered pipeline
   * @param confSource the configuration directory, searched for {@code ${runtime_params:...}}
   * @return one message per runtime parameter nothing reads; empty when all are read
   */
  static List<String> find(
      Map<String, Object> runtimeParams,
      Map<String, Object> parameters,
      Collection<Pipeline> pipelines,
      Path confSource) {
    if (runtimeParams.isEmpty()) {
      return List.of();
    }
    Set<String> read = new LinkedHashSet<>();
    for (Pipeline pipeline : pipelines) {
      for (Node node : pipeline.nodes()) {
        for (String input : node.inputs()) {
          if (input.equals("parameters")) {
            return List.of(); // a node reads every parameter
          }
          if (input.startsWith(PARAMS_PREFIX)) {
            read.add(input.substring(PARAMS_PREFIX.length()));
          }
        }
      }
    }
    read.addAll(interpolatedKeys(confSource));
    List<String> unused = new ArrayList<>();
    for (String key : leafKeys("", runtimeParams)) {
      if (read.stream().noneMatch(r -> related(key, r))) {
        unused.add(key);
      }
    }
    Set<String> existing = new LinkedHashSet<>(allKeys("", parameters));
    existing.removeIf(k -> unused.stream().anyMatch(u -> related(u, k)));
    existing.addAll(read);
    List<String> messages = new ArrayList<>();
    for (String key : unused) {
      messages.add(
          "Runtime parameter '"
              + key
              + "' (--params) is read by no node and no configuration file, so it changes"
              + " nothing."
              + ClosestNames.didYouMean(key, existing)
              + " Use a key of conf/*/parameters*.yml that a node reads as params:<key>.");
    }
    return messages;
  }

  /** Whether one key is the other, or a parent or child of it. */
  private static boolean related(String a, String b) {
    return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
  }

  private static List<String> leafKeys(String prefix, Map<?, ?> map) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
        keys.addAll(leafKeys(key + ".", nested));
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  private static List<String> allKeys(String prefix, Map<?, ?> map) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      keys.add(key);
      if (e.getValue() instanceof Map<?, ?> nested) {
        keys.addAll(allKeys(key + ".", nested));
      }
    }
    return keys;
  }

  private static Set<String> interpolatedKeys(Path confSource) {
    Set<String> keys = new LinkedHashSet<>();
    if (!Files.isDirectory(confSource)) {
      return keys;
    }
    try (Stream<Path> files = Files.walk(confSource)) {
      for (Path file : files.filter(UnusedRuntimeParams::isYaml).toList()) {
        Matcher m = INTERPOLATION.matcher(Files.readString(file));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
  }
}
