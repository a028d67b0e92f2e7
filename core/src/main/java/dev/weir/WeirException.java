package dev.weir;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Weir throws for a user mistake or a failed run. Its message is one
 * paragraph that says what failed, where (file and line for configuration, node and dataset names
 * for runs) and how to fix it; the command line prints only the message unless {@code --verbose} is
 * given. Messages never contain credentials.
 *
 * <p>Errors are values, as Spark's error classes are: an exception built from an {@link ErrorKind}
 * carries that kind and the names involved ({@link #kind()}, {@link #names()}), and its message is
 * written once, by the kind. Tests and tools match on those instead of the wording. Exceptions
 * built from a message alone have no kind and no names.
 */
public class WeirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable ErrorKind kind;
  private final List<String> names;

  /**
   * @param message what failed, where, and how to fix it
   */
  public WeirException(String message) {
    this(message, null);
  }

  /**
   * @param message what failed, where, and how to fix it
   * @param cause the underlying error, kept for {@code --verbose}
   */
  public WeirException(String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = null;
    this.names = List.of();
  }

  /**
   * An exception whose message the kind writes.
   *
   * @param kind what went wrong
   * @param names the names involved, in the order the kind documents
   * @param detail a further sentence or list for the message, or {@code ""}
   */
  protected WeirException(ErrorKind kind, List<String> names, String detail) {
    this(kind, names, detail, null);
  }

  /**
   * An exception whose message the kind writes, with its cause.
   *
   * @param kind what went wrong
   * @param names the names involved, in the order the kind documents
   * @param detail a further sentence or list for the message, or {@code ""}
   * @param cause the underlying error, kept for {@code --verbose}
   */
  protected WeirException(
      ErrorKind kind, List<String> names, String detail, @Nullable Throwable cause) {
    super(kind.message(List.copyOf(names), detail), cause);
    this.kind = kind;
    this.names = List.copyOf(names);
  }

  /**
   * @return the kind, or {@code null} for an exception built from a message alone
   */
  public @Nullable ErrorKind kind() {
    return kind;
  }

  /**
   * @return the names involved (nodes, datasets, namespaces, arguments) in the order the kind
   *     documents; empty for an exception built from a message alone
   */
  public List<String> names() {
    return names;
  }
}
