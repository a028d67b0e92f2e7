package dev.weir.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Kedro's node rules (kedro/pipeline/node.py): names, tags and namespaces match {@code [\w.-]+}, at
 * least one input or output, as many inputs as the function has arguments, no duplicate output, no
 * input that is also an output (after stripping transcoding), and the default name.
 */
final class NodeRules {
  /** Python's {@code \w} is Unicode-aware, so Java's must be too for the same names to pass. */
  private static final Pattern VALID_NAME =
      Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);

  private NodeRules() {}

  static void checkName(String what, String value, String nodeLabel) {
    if (!isAsciiName(value) && !VALID_NAME.matcher(value).matches()) {
      throw new NodeException(NodeException.Kind.INVALID_NAME, List.of(nodeLabel, what, value));
    }
  }

  /** The common case without the cost of a Unicode regular expression. */
  private static boolean isAsciiName(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static void checkDatasets(
      String nodeLabel, int arity, List<String> inputs, List<String> outputs) {
    if (inputs.isEmpty() && outputs.isEmpty()) {
      throw new NodeException(NodeException.Kind.NO_INPUTS_OR_OUTPUTS, List.of(nodeLabel));
    }
    if (arity >= 0 && inputs.size() != arity) {
      List<String> names = new ArrayList<>(List.of(nodeLabel, String.valueOf(arity)));
      names.addAll(inputs);
      throw new NodeException(NodeException.Kind.ARITY, names);
    }
    for (String dataset : inputs) {
      checkDatasetName(nodeLabel, dataset);
    }
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new TreeSet<>();
    for (String dataset : outputs) {
      checkDatasetName(nodeLabel, dataset);
      if (!seen.add(Transcoding.strip(dataset))) {
        duplicates.add(dataset);
      }
    }
    if (!duplicates.isEmpty()) {
      throw new NodeException(NodeException.Kind.DUPLICATE_OUTPUT, withNode(nodeLabel, duplicates));
    }
    Set<String> common = new TreeSet<>();
    for (String dataset : inputs) {
      if (seen.contains(Transcoding.strip(dataset))) {
        common.add(Transcoding.strip(dataset));
      }
    }
    if (!common.isEmpty()) {
      throw new NodeException(
          NodeException.Kind.SAME_INPUT_AND_OUTPUT, withNode(nodeLabel, common));
    }
  }

  private static List<String> withNode(String nodeLabel, Set<String> names) {
    List<String> all = new ArrayList<>(List.of(nodeLabel));
    all.addAll(names);
    return all;
  }

  private static void checkDatasetName(String nodeLabel, String dataset) {
    if (dataset.isBlank()) {
      throw new NodeException(NodeException.Kind.EMPTY_DATASET_NAME, List.of(nodeLabel));
    }
    Transcoding.strip(dataset);
  }

  /**
   * The default node name, {@code <method>__<hash>}: the function's method name ({@code lambda} for
   * a lambda body) and the first 8 hex digits of the SHA-256 of Kedro's node string {@code
   * Class::method([in1;in2]) -> [out]}. Kedro's own default name is that string, which is not a
   * valid name for {@code --nodes}; this one is, is stable across runs, and changes when the
   * function, inputs or outputs change.
   */
  static String defaultName(FunctionInfo info, List<String> inputs, List<String> outputs) {
    String signature = info.name() + "(" + brackets(inputs) + ") -> " + brackets(outputs);
    String method = info.methodName().replaceAll("[^\\w.-]", "_");
    return method + "__" + sha256(signature).substring(0, 8);
  }

  static String brackets(List<String> names) {
    return names.isEmpty() ? "None" : "[" + String.join(";", names) + "]";
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
