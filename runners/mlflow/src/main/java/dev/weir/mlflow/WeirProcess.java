package dev.weir.mlflow;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which process on which machine started a run, recorded as run tags so that a later run can tell a
 * run whose process is gone (killed with SIGKILL, a crashed JVM, a power cut) from one still in
 * progress: {@code weir.host} (the host name), {@code weir.pid} (the process id) and {@code
 * weir.process_start} (the process start time, milliseconds since the epoch, which tells a reused
 * process id from the original).
 */
final class WeirProcess {
  static final String HOST_TAG = "weir.host";
  static final String PID_TAG = "weir.pid";
  static final String START_TAG = "weir.process_start";

  private static volatile @Nullable String host;

  private WeirProcess() {}

  /**
   * @return the three tags for this JVM
   */
  static Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(HOST_TAG, host());
    tags.put(PID_TAG, String.valueOf(ProcessHandle.current().pid()));
    startMillis(ProcessHandle.current()).ifPresent(s -> tags.put(START_TAG, String.valueOf(s)));
    return tags;
  }

  /**
   * @return this machine's name: {@code HOSTNAME}, else what the JDK resolves, else {@code
   *     localhost}
   */
  static String host() {
    String h = host;
    if (h == null) {
      h = System.getenv("HOSTNAME");
      if (h == null || h.isBlank()) {
        try {
          h = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
          h = "localhost";
        }
      }
      host = h;
    }
    return h;
  }

  /**
   * Whether the process that wrote these tags still runs on this machine.
   *
   * @param pid the {@code weir.pid} tag
   * @param start the {@code weir.process_start} tag, or {@code null} when the run has none
   * @return {@code false} when no process has that id, or one has but started at another time
   */
  static boolean isAlive(String pid, String start) {
    long id;
    try {
      id = Long.parseLong(pid);
    } catch (NumberFormatException e) {
      return true; // not ours to judge
    }
    Optional<ProcessHandle> p = ProcessHandle.of(id).filter(ProcessHandle::isAlive);
    if (p.isEmpty()) {
      return false;
    }
    if (start == null) {
      return true;
    }
    Optional<Long> actual = startMillis(p.get());
    // Start instants are reported with clock-tick precision: allow a little difference.
    return actual.isEmpty() || Math.abs(actual.get() - Long.parseLong(start)) < 2_000;
  }

  private static Optional<Long> startMillis(ProcessHandle p) {
    return p.info().startInstant().map(java.time.Instant::toEpochMilli);
  }
}
