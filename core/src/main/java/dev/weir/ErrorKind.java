package dev.weir;

import java.io.Serializable;
import java.util.List;

/**
 * The kind of a {@link WeirException}, as Spark's error classes: a stable identifier that tests and
 * tools match on, and the one place its message is written. Implemented by the {@code Kind} enums
 * of the exception classes ({@code PipelineException.Kind}, {@code NodeException.Kind}); other
 * modules add their own enum the same way.
 */
public interface ErrorKind extends Serializable {
  /**
   * @return the identifier, for example {@code DUPLICATE_NODE} (an enum's constant name)
   */
  String name();

  /**
   * Writes the message for this kind.
   *
   * @param names the names involved, in the order the kind documents
   * @param detail a further sentence or list (close names, the datasets of a cycle), or {@code ""}
   * @return the message: what is wrong, which names, and how to fix it
   */
  String message(List<String> names, String detail);

  /**
   * Quotes names as Kedro users read them: {@code 'a', 'b'}.
   *
   * @param names names
   * @return the names, each in single quotes, joined by {@code ", "}
   */
  static String quoted(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append('\'').append(name).append('\'');
    }
    return text.toString();
  }
}
