package dev.weir.session;

/**
 * Hears when the session starts the Spark session it resolves, at most once per {@link Session}
 * (the command line's progress says "starting Spark"). The time is reported on its own and left out
 * of the duration of the node whose first load started it.
 */
public interface SparkStartListener {
  /** The Spark session is about to be resolved (created, or reached over Spark Connect). */
  default void sparkStarting() {}

  /**
   * @param seconds how long resolving it took
   */
  default void sparkStarted(double seconds) {}
}
