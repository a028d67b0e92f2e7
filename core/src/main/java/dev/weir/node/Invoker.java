package dev.weir.node;

import java.util.Map;

/** Calls whichever functional interface a node holds with positional arguments. */
final class Invoker {
  private Invoker() {}

  /** Calls a map function with inputs keyed by argument name. */
  static Object callMap(Object f, Map<String, Object> byArgument) throws Exception {
    return ((NodeMapFunction) f).apply(byArgument);
  }

  /** Calls a positional function; the argument count was checked when the node was built. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object call(Object f, Object[] a) throws Exception {
    return switch (a.length) {
      case 0 -> ((NodeFunction0) f).apply();
      case 1 -> ((NodeFunction1) f).apply(a[0]);
      case 2 -> ((NodeFunction2) f).apply(a[0], a[1]);
      case 3 -> ((NodeFunction3) f).apply(a[0], a[1], a[2]);
      case 4 -> ((NodeFunction4) f).apply(a[0], a[1], a[2], a[3]);
      case 5 -> ((NodeFunction5) f).apply(a[0], a[1], a[2], a[3], a[4]);
      case 6 -> ((NodeFunction6) f).apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      case 7 -> ((NodeFunction7) f).apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      case 8 -> ((NodeFunction8) f).apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
      case 9 -> ((NodeFunction9) f).apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
      case 10 ->
          ((NodeFunction10) f).apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
      default -> throw new IllegalArgumentException("Too many arguments: " + a.length);
    };
  }
}
