package dev.weir.datasets.mlflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MLflow's rules for metric, param and tag keys, as its tracking server applies them
 * (mlflow/utils/validation.py, MLflow 2.17.2: {@code _validate_metric_name}, {@code
 * _validate_param_name}, {@code _validate_tag_name}, {@code path_not_unique}, {@code
 * _validate_length_limit} with {@code MAX_ENTITY_KEY_LENGTH}):
 *
 * <ul>
 *   <li>every character matches Python's {@code [/\w.\- :]}, where Python's {@code \w} is a letter
 *       (Unicode categories L*), a number (N*) or {@code _}. Java's Unicode {@code \w} also takes
 *       combining marks (U+0301), other connector punctuation (U+203F) and the joiners
 *       U+200C/U+200D, which the server refuses;
 *   <li>the key is already a normal POSIX path ({@code posixpath.normpath(key) == key}: no empty,
 *       {@code .} or {@code ..} segment, no leading or trailing {@code /}), and it does not
 *       normalise to {@code .} or to something starting with {@code ..} ({@code ..foo}, {@code ...}
 *       are refused);
 *   <li>1 to 250 characters.
 * </ul>
 */
public final class MlflowKeys {
  /**
   * MLflow's key charset, {@code ^[/\w.\- :]*$} with Python's {@code \w} (letters, numbers, {@code
   * _}).
   */
  public static final Pattern VALID_KEY = Pattern.compile("^[/\\p{L}\\p{N}_.\\- :]*$");

  /** The longest key MLflow accepts, in characters ({@code MAX_ENTITY_KEY_LENGTH}). */
  public static final int MAX_KEY_LENGTH = 250;

  private MlflowKeys() {}

  /**
   * @param key a metric, param or tag key
   * @return whether MLflow's server accepts it
   */
  public static boolean isValid(String key) {
    return problem(key).isEmpty();
  }

  /**
   * Why MLflow would refuse a key, for error messages.
   *
   * @param key the key
   * @return the reason, or an empty string when the key is valid
   */
  public static String problem(String key) {
    if (key.isEmpty()) {
      return "it is empty";
    }
    if (key.length() > MAX_KEY_LENGTH) {
      return "it has " + key.length() + " characters, MLflow allows " + MAX_KEY_LENGTH;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      return "MLflow allows only letters, digits, spaces and _ - . / : in keys (no combining"
          + " marks, joiners or other punctuation)";
    }
    if (pathNotUnique(key)) {
      return "MLflow refuses keys that are not a normal relative path (a leading, trailing or double"
          + " /, a . or .. segment, or a start with ..), since it may treat keys as file names";
    }
    return "";
  }

  /**
   * MLflow's {@code path_not_unique}: the key, read as a POSIX path, is not its own normal form.
   */
  private static boolean pathNotUnique(String key) {
    String norm = normpath(key);
    return !norm.equals(key) || norm.equals(".") || norm.startsWith("..") || norm.startsWith("/");
  }

  /** Python's {@code posixpath.normpath}. */
  static String normpath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    int leadingSlashes =
        path.startsWith("//") && !path.startsWith("///") ? 2 : path.startsWith("/") ? 1 : 0;
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (!part.equals("..")
          || (leadingSlashes == 0 && out.isEmpty())
          || (!out.isEmpty() && out.get(out.size() - 1).equals(".."))) {
        out.add(part);
      } else if (!out.isEmpty()) {
        out.remove(out.size() - 1);
      }
    }
    String joined = "/".repeat(leadingSlashes) + String.join("/", out);
    return joined.isEmpty() ? "." : joined;
  }

  /**
   * Makes a key MLflow accepts out of any text, so that a node name such as {@code split(a,b)}
   * becomes a usable key: every refused character becomes {@code _}; an empty, {@code .} or {@code
   * ..} segment (including a leading or trailing {@code /}) becomes underscores; a key starting
   * with {@code ..} gets a leading {@code _}. Does not shorten.
   *
   * @param key any text
   * @return a key that {@link #isValid} accepts when it is not longer than {@link #MAX_KEY_LENGTH}
   */
  public static String sanitize(String key) {
    StringBuilder out = new StringBuilder(key.length());
    key.codePoints()
        .forEach(
            cp -> {
              String c = new String(Character.toChars(cp));
              out.append(VALID_KEY.matcher(c).matches() ? c : "_");
            });
    StringBuilder result = new StringBuilder();
    for (String segment : out.toString().split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        segment = segment.replace('.', '_') + "_";
      }
      result.append(result.length() == 0 ? "" : "/").append(segment);
    }
    return result.toString().startsWith("..") ? "_" + result : result.toString();
  }
}
