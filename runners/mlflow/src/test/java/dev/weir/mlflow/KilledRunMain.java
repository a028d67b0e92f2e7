package dev.weir.mlflow;

import java.nio.file.Path;
import java.util.Map;

/** Child JVM of {@link TrackedRunTest#aTerminatedJvmEndsTheRunKilled}: starts a run and waits. */
final class KilledRunMain {
  private KilledRunMain() {}

  public static void main(String[] args) throws Exception {
    LocalFileStore store = new LocalFileStore(Path.of(args[0]));
    TrackedRun run =
        TrackedRun.start(store, () -> store, "exp", "killed", "me", Map.of(), Map.of());
    run.logMetric("progress", 0.5, 0);
    System.out.println("STARTED " + run.location().orElseThrow());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
