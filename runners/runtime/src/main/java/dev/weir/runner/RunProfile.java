package dev.weir.runner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's wall time goes ({@code weir run --profile}): self times, in nanoseconds, of timed
 * parts keyed by scope (a node name, or {@link #RUN} outside nodes), kind ({@code load}, {@code
 * function}, {@code save}, {@code hook}, {@code configuration}, {@code spark}, ...) and name (a
 * dataset, a hook class). Parts nest: a part's time excludes the parts timed inside it on the same
 * thread (the Spark session started inside the first load counts as {@code spark start-up}, not as
 * that load), so the parts never count a nanosecond twice and {@link Report#otherSeconds()} (wall
 * time minus every part) is what nothing timed: logging, scheduling, releasing datasets.
 *
 * <p>Under the sequential runner the parts plus "other" sum to the wall time. Under the parallel
 * runner nodes overlap, so the parts can sum to more than the wall time and "other" is negative.
 *
 * <p>{@link #off()} times nothing and costs one call per part. Thread-safe.
 */
public final class RunProfile {
  /** The scope of parts outside any node. */
  public static final String RUN = "(run)";

  private static final Timer NO_TIMER = () -> {};
  private static final RunProfile OFF = new RunProfile(false, 0, 0);

  private final boolean on;
  private final long startNanos;
  private final long priorNanos;
  private final Map<Key, long[]> parts = new LinkedHashMap<>();
  private final ThreadLocal<ArrayDeque<long[]>> frames = ThreadLocal.withInitial(ArrayDeque::new);
  private final ThreadLocal<String> scope = ThreadLocal.withInitial(() -> RUN);

  private RunProfile(boolean on, long startNanos, long priorNanos) {
    this.on = on;
    this.startNanos = startNanos;
    this.priorNanos = priorNanos;
  }

  /**
   * @return a profile whose wall time starts now
   */
  public static RunProfile start() {
    return new RunProfile(true, System.nanoTime(), 0);
  }

  /**
   * A profile that also counts time spent before it was created, as the part {@code (run) jvm start
   * to main}.
   *
   * @param startNanos the {@link System#nanoTime()} the wall time starts from (the program's main)
   * @param priorMillis milliseconds spent before {@code startNanos} (the JVM's uptime at main)
   * @return the profile
   */
  public static RunProfile start(long startNanos, long priorMillis) {
    RunProfile p = new RunProfile(true, startNanos, Math.max(0, priorMillis) * 1_000_000L);
    if (priorMillis > 0) {
      p.add(new Key(RUN, "jvm", "start to main"), p.priorNanos);
    }
    return p;
  }

  /**
   * @return a profile that times nothing
   */
  public static RunProfile off() {
    return OFF;
  }

  /**
   * @return whether parts are timed
   */
  public boolean isOn() {
    return on;
  }

  /**
   * Times one part in the current thread's scope until the timer is closed.
   *
   * @param kind what kind of work ({@code load}, {@code save}, {@code hook}, ...)
   * @param name what it worked on (a dataset, a hook class)
   * @return the timer; close it on the same thread
   */
  public Timer time(String kind, String name) {
    if (!on) {
      return NO_TIMER;
    }
    Key key = new Key(scope.get(), kind, name);
    ArrayDeque<long[]> stack = frames.get();
    long[] frame = {System.nanoTime(), 0};
    stack.push(frame);
    return () -> {
      long elapsed = System.nanoTime() - frame[0];
      stack.remove(frame);
      long[] parent = stack.peek();
      if (parent != null) {
        parent[1] += elapsed;
      }
      add(key, elapsed - frame[1]);
    };
  }

  /**
   * Puts the current thread's parts in a node's scope until the returned timer is closed.
   *
   * @param nodeName the node
   * @return closes the scope (restoring the previous one)
   */
  public Timer inNode(String nodeName) {
    if (!on) {
      return NO_TIMER;
    }
    String previous = scope.get();
    scope.set(nodeName);
    return () -> scope.set(previous);
  }

  private synchronized void add(Key key, long nanos) {
    parts.computeIfAbsent(key, k -> new long[1])[0] += nanos;
  }

  /**
   * @return the parts timed so far, and the wall time from the start until now
   */
  public synchronized Report report() {
    long wall = priorNanos + System.nanoTime() - startNanos;
    long timed = 0;
    List<Part> list = new ArrayList<>();
    for (Map.Entry<Key, long[]> e : parts.entrySet()) {
      Key k = e.getKey();
      long nanos = e.getValue()[0];
      timed += nanos;
      list.add(new Part(k.scope(), k.kind(), k.name(), nanos / 1e9));
    }
    return new Report(wall / 1e9, List.copyOf(list), (wall - timed) / 1e9);
  }

  /** Ends a timed part; unlike {@link AutoCloseable#close()} it throws nothing. */
  @FunctionalInterface
  public interface Timer extends AutoCloseable {
    @Override
    void close();
  }

  private record Key(String scope, String kind, String name) {}

  /**
   * One timed part.
   *
   * @param scope the node name, or {@link #RUN}
   * @param kind {@code jvm}, {@code configuration}, {@code spark}, {@code runner}, {@code load},
   *     {@code function}, {@code save}, {@code hook}, {@code summary}
   * @param name the dataset, hook class or step
   * @param seconds self time in seconds (parts timed inside it excluded)
   */
  public record Part(String scope, String kind, String name, double seconds) {}

  /**
   * The profile of a run.
   *
   * @param wallSeconds from the start (the JVM's start when known) until the report, in seconds
   * @param parts every timed part, in the order first timed
   * @param otherSeconds the wall time no part accounts for (negative when parts overlapped, under
   *     the parallel runner)
   */
  public record Report(double wallSeconds, List<Part> parts, double otherSeconds) {
    /** Copies the list. */
    public Report {
      parts = List.copyOf(parts);
    }

    /**
     * @param scope a node name or {@link #RUN}
     * @return the sum of that scope's parts, in seconds
     */
    public double scopeSeconds(String scope) {
      return parts.stream().filter(p -> p.scope().equals(scope)).mapToDouble(Part::seconds).sum();
    }
  }
}
