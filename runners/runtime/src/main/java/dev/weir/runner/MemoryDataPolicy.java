package dev.weir.runner;

/**
 * What a runner does with data that nodes hand to each other in memory, beyond holding it. The
 * runner creates one instance per run; the Spark implementation ({@link
 * SparkRunSupport#sharedDataFramePersistence()}) persists a DataFrame that several later nodes
 * read, so its lineage is computed once.
 *
 * <p>Called from worker threads under the parallel runner: implementations must be thread-safe.
 */
public interface MemoryDataPolicy {

  /** A policy that does nothing. */
  MemoryDataPolicy NONE = new MemoryDataPolicy() {};

  /**
   * A node output is about to be saved to a memory dataset.
   *
   * @param datasetName the dataset
   * @param data the data
   * @param consumers how many nodes of the pipeline read it
   */
  default void beforeMemorySave(String datasetName, Object data, int consumers) {}

  /**
   * The last node reading a memory dataset finished; the runner releases it right after.
   *
   * @param datasetName the dataset
   */
  default void afterLastConsumer(String datasetName) {}

  /** The run ended, successfully or not: drop whatever is still held. */
  default void runEnded() {}
}
