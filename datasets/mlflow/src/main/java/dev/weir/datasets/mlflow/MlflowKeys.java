package dev.weir.datasets.mlflow;

import java.util.regex.Pattern;

/**
 * MLflow's rules for metric, param and tag keys (mlflow/utils/validation.py: {@code
 * _validate_metric_name}, {@code _validate_length_limit}): letters, digits, {@code _ - . / :} and
 * spaces, at most 250 characters, not empty.
 */
public final class MlflowKeys {
  /** MLflow's key charset, {@code ^[/\w.\- :]*$} (Python's {@code \w} is Unicode-aware). */
  public static final Pattern VALID_KEY =
      Pattern.compile("^[/\\w.\\- :]*$", Pattern.UNICODE_CHARACTER_CLASS);

  /** The longest key MLflow accepts, in characters ({@code MAX_ENTITY_KEY_LENGTH}). */
  public static final int MAX_KEY_LENGTH = 250;

  private MlflowKeys() {}

  /**
   * @param key a metric, param or tag key
   * @return whether MLflow accepts it
   */
  public static boolean isValid(String key) {
    return !key.isEmpty()
        && key.length() <= MAX_KEY_LENGTH
        && VALID_KEY.matcher(key).matches()
        && pathUnique(key);
  }

  /**
   * MLflow's {@code path_not_unique} turned around: the key, read as a relative POSIX path, is
   * already normal (no empty, {@code .} or {@code ..} segment), since the file store makes files of
   * keys.
   */
  private static boolean pathUnique(String key) {
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
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
      return "MLflow allows only letters, digits, spaces and _ - . / : in keys";
    }
    if (!pathUnique(key)) {
      return "MLflow refuses keys that are not a normal relative path (a leading, trailing or double"
          + " /, or a . or .. segment), since its file store makes files of keys";
    }
    return "";
  }

  /**
   * Replaces every character MLflow refuses with {@code _}, so that a node name such as {@code
   * split(a,b)} becomes a usable key; does not shorten.
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
    return result.toString();
  }
}
