package dev.weir.runner;

import dev.weir.WeirException;
import dev.weir.config.ConfigException;
import dev.weir.node.Node;
import dev.weir.runner.spark.SparkRunSupport;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs nodes on a pool of threads, as Kedro's {@code ThreadRunner} (kedro/runner/thread_runner.py):
 * a node starts as soon as the nodes producing its inputs have finished. Unlike Kedro, which
 * rescans every waiting node after each completion, each node keeps a count of unfinished parents
 * and a finished node decrements only its children's counts, so scheduling costs O(V+E) for the
 * whole run.
 *
 * <p>On a failure no further node is started (from the moment the failing node throws, before its
 * error hooks run); the nodes already running finish, then the first failure is reported (later
 * ones are attached as suppressed exceptions).
 *
 * <p>On classic Spark each node's jobs run in a FAIR scheduler pool named after the node ({@link
 * SparkRunSupport#schedulerPool}), so concurrent nodes share the cluster instead of queueing; this
 * needs {@code spark.scheduler.mode: FAIR} in {@code spark.yml} (the session sets it for the
 * embedded session it creates).
 */
public final class ParallelRunner extends Runner {
  private final @Nullable Integer maxWorkers;

  /** A runner with {@code min(available processors, nodes)} threads. */
  public ParallelRunner() {
    this(null);
  }

  /**
   * @param maxWorkers the number of threads, or {@code null} for {@code min(available processors,
   *     nodes)}
   * @throws ConfigException when {@code maxWorkers} is not positive
   */
  public ParallelRunner(@Nullable Integer maxWorkers) {
    if (maxWorkers != null && maxWorkers < 1) {
      throw new ConfigException(
          "--max-workers must be a positive number of threads, got " + maxWorkers + ".");
    }
    this.maxWorkers = maxWorkers;
  }

  @Override
  public String name() {
    return "parallel";
  }

  @Override
  protected boolean isAsync() {
    return true;
  }

  /**
   * @param nodeCount how many nodes will run
   * @return the number of threads used for that many nodes
   */
  public int workers(int nodeCount) {
    int cap = maxWorkers != null ? maxWorkers : Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(cap, nodeCount));
  }

  private record Completion(int node, long nanos, @Nullable Throwable error) {}

  @Override
  protected void runNodes(RunState state) {
    List<Node> nodes = state.nodes();
    int n = nodes.size();
    if (n == 0) {
      return;
    }
    int[] waitingOn = new int[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      waitingOn[i] = state.parentCount(i);
      if (waitingOn[i] == 0) {
        ready.add(i);
      }
    }
    BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers(n), new NodeThreads());
    NodeFailedException failure = null;
    int running = 0;
    try {
      while (true) {
        while (failure == null && !state.anyNodeFailed() && !ready.isEmpty()) {
          int i = ready.poll();
          pool.execute(() -> completions.add(runOne(state, nodes.get(i), i)));
          running++;
        }
        if (running == 0) {
          break;
        }
        Completion c = completions.take();
        running--;
        Node node = nodes.get(c.node());
        if (c.error() != null) {
          if (failure == null) {
            failure = state.failure(node, c.error());
          } else {
            failure.addSuppressed(state.failure(node, c.error()));
          }
          continue;
        }
        state.finished(node, c.nanos());
        for (int child : state.children(c.node())) {
          if (--waitingOn[child] == 0) {
            ready.add(child);
          }
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new WeirException("The run was interrupted while " + running + " nodes were running.");
    } finally {
      pool.shutdown();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static Completion runOne(RunState state, Node node, int index) {
    try (AutoCloseable pool = SparkRunSupport.schedulerPool(node.name())) {
      return new Completion(index, state.execute(node), null);
    } catch (Exception | Error e) {
      return new Completion(index, 0, e);
    }
  }

  /** Daemon threads named {@code weir-node-N}, so a stuck node never keeps the JVM alive. */
  private static final class NodeThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "weir-node-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
