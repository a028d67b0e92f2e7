package dev.weir.mlflow;

import java.nio.file.Path;
import java.util.Set;

/**
 * The checks and adjustments a real MLflow tracking server (2.17.2 and 3.x, SQL store) applies to
 * what it is sent, for {@link MlflowTestServer}. Written apart from Weir's own {@code MlflowKeys}
 * on purpose, so the test server does not agree with Weir by construction. Each rule names where it
 * lives in MLflow's source.
 */
final class MlflowServerRules {
  /** mlflow/utils/validation.py {@code MAX_ENTITY_KEY_LENGTH}. */
  static final int MAX_KEY = 250;

  /** mlflow/utils/validation.py {@code MAX_PARAM_VAL_LENGTH}. */
  static final int MAX_PARAM_VALUE = 6000;

  /** mlflow/utils/validation.py {@code MAX_TAG_VAL_LENGTH} (8,000 since alembic f5a4f2784254). */
  static final int MAX_TAG_VALUE = 8000;

  /**
   * The value mlflow/store/tracking/sqlalchemy_store.py stores for +Infinity (and its negative).
   */
  static final double MAX_DOUBLE = 1.7976931348623157e308;

  private static final Set<Integer> PYTHON_WORD_NUMBERS =
      Set.of(
          (int) Character.DECIMAL_DIGIT_NUMBER,
          (int) Character.LETTER_NUMBER,
          (int) Character.OTHER_NUMBER);

  private MlflowServerRules() {}

  /**
   * Why the server refuses a metric, param or tag key, or {@code null} when it takes it:
   * validation.py {@code _VALID_PARAM_AND_METRIC_NAMES} ({@code ^[/\w.\- :]*$} with Python's {@code
   * \w}: letters, numbers and {@code _} only), {@code path_not_unique} (the key must be its own
   * {@code posixpath.normpath} and must not normalise to {@code .} or start with {@code ..} or
   * {@code /}), and the 250-character limit.
   */
  static String keyProblem(String key) {
    if (key.isEmpty()) {
      return "Missing value for required parameter 'key'";
    }
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      i += Character.charCount(cp);
      boolean word =
          Character.isLetter(cp)
              || PYTHON_WORD_NUMBERS.contains(Character.getType(cp))
              || cp == '_';
      if (!word && "/.- :".indexOf(cp) < 0) {
        return "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.),"
            + " spaces ( ), colon(:) and slashes (/).";
      }
    }
    String normal = Path.of(key).normalize().toString();
    if (!normal.equals(key) || normal.startsWith("..") || normal.startsWith("/")) {
      return "Names may be treated as files in certain cases, and must not resolve to other names"
          + " when treated as such. This name would resolve to '"
          + (normal.isEmpty() ? "." : normal)
          + "'";
    }
    if (key.length() > MAX_KEY) {
      return "Key '"
          + key.substring(0, 250)
          + "' had length "
          + key.length()
          + ", which exceeded"
          + " length limit of "
          + MAX_KEY;
    }
    return null;
  }

  /** validation.py {@code _validate_length_limit(..., truncate=True)}: long values are cut. */
  static String truncate(String value, int limit) {
    return value.length() > limit ? value.substring(0, limit) : value;
  }

  /**
   * sqlalchemy_store.py {@code _get_metric_value_details}: ±Infinity is stored as ±{@link
   * #MAX_DOUBLE}; NaN stays NaN (the SQL store keeps it as {@code is_nan}).
   */
  static double stored(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? MAX_DOUBLE : -MAX_DOUBLE;
    }
    return value;
  }
}
