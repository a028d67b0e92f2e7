package dev.weir.datasets.mlflow;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process-wide slot holding the {@link MlflowTracker} of the run in progress.
 *
 * <p>The MLflow hook in {@code weir-runners} fills it just before the first node runs and empties
 * it after the run ends (finished, failed or killed); MLflow datasets read it on every save, so a
 * dataset created before the run started still finds the run. A process slot rather than a {@link
 * dev.weir.io.DatasetContext} service because the catalog (and its context) is built before the
 * MLflow run exists, and because notebooks reuse one catalog across runs. Two Weir runs at the same
 * time in one JVM share the slot: the one started last wins and its datasets' records may land in
 * the other's MLflow run; run them in separate JVMs when that matters.
 */
public final class ActiveTracker {
  private static final AtomicReference<MlflowTracker> ACTIVE = new AtomicReference<>();

  private ActiveTracker() {}

  /**
   * @return the tracker of the run in progress, or empty outside a run
   */
  public static Optional<MlflowTracker> get() {
    return Optional.ofNullable(ACTIVE.get());
  }

  /**
   * Makes a tracker the active one, replacing any other.
   *
   * @param tracker the run's tracker
   */
  public static void set(MlflowTracker tracker) {
    ACTIVE.set(tracker);
  }

  /**
   * Empties the slot if it still holds this tracker; a tracker set since then stays.
   *
   * @param tracker the tracker whose run ended
   * @return whether the slot was emptied
   */
  public static boolean clear(MlflowTracker tracker) {
    return ACTIVE.compareAndSet(tracker, null);
  }
}
