package dev.weir.runner;

/**
 * Time spent inside a node's execution on work that is not the node's own, such as starting the
 * Spark session on its first load: {@link RunState} leaves it out of the node's duration, and
 * whoever did the work reports it on its own. Kept per thread, since the parallel runner executes
 * nodes on worker threads.
 */
public final class ExcludedTime {
  private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

  private ExcludedTime() {}

  /**
   * @param nanos time the calling thread spent on work that is not the running node's own
   */
  public static void add(long nanos) {
    NANOS.get()[0] += nanos;
  }

  /**
   * @return the time added on the calling thread since the last call, in nanoseconds; resets it
   */
  static long take() {
    long[] n = NANOS.get();
    long taken = n[0];
    n[0] = 0;
    return taken;
  }
}
