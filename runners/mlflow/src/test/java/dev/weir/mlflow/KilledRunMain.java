package dev.weir.mlflow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Child JVM of {@link TrackedRunTest#aTerminatedJvmEndsTheRunKilled} and {@link
 * LostRunsTest#aRunWhoseJvmWasKilledWithSigkillIsMarkedFailedByTheNextRun}: starts a run and waits.
 * Arguments: the store path, then {@code file} (a file store folder) or {@code sqlite} (a SQLite
 * file, the run tagged with {@link WeirProcess#tags()}).
 */
final class KilledRunMain {
  private KilledRunMain() {}

  public static void main(String[] args) throws Exception {
    Path path = Path.of(args[0]);
    boolean sqlite = args.length > 1 && args[1].equals("sqlite");
    TrackingStore store =
        sqlite
            ? new SqliteStore(path, path.resolveSibling("mlartifacts"), Duration.ofSeconds(10))
            : new LocalFileStore(path);
    TrackedRun run =
        TrackedRun.start(
            store,
            () -> store,
            "exp",
            "killed",
            "me",
            sqlite ? WeirProcess.tags() : Map.of(),
            Map.of());
    run.logMetric("progress", 0.5, 0);
    run.flush();
    System.out.println("STARTED " + run.location().orElseThrow());
    System.out.println("RUN_ID " + run.runId());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
