package dev.weir.runner;

import dev.weir.WeirException;
import dev.weir.config.ConfigException;
import dev.weir.node.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    ExecutorService pool = Executors.newFixedThreadPool(workers(n), new NodeThreads());
    Schedule schedule = new Schedule(state, pool);
    try {
      schedule.awaitEnd();
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new WeirException(
          "The run was interrupted while " + schedule.running() + " nodes were running.");
    } finally {
      pool.shutdown();
    }
    schedule.rethrow();
  }

  /**
   * The run's scheduling state, shared by the worker threads under its monitor. A worker that
   * finishes a node makes its children ready and goes on with one of them itself, handing only the
   * others to the pool: on a chain no node waits for a thread hand-off or a wake-up of a separate
   * scheduling thread.
   */
  private static final class Schedule {
    private final RunState state;
    private final List<Node> nodes;
    private final ExecutorService pool;
    private final int[] waitingOn;
    private final Deque<Integer> ready = new ArrayDeque<>();
    private int running;
    private @Nullable NodeFailedException failure;
    private @Nullable Throwable internalError;

    Schedule(RunState state, ExecutorService pool) {
      this.state = state;
      this.nodes = state.nodes();
      this.pool = pool;
      this.waitingOn = new int[nodes.size()];
      synchronized (this) {
        for (int i = 0; i < nodes.size(); i++) {
          waitingOn[i] = state.parentCount(i);
          if (waitingOn[i] == 0) {
            ready.add(i);
          }
        }
        startReady();
      }
    }

    /** Hands every ready node to the pool; the caller holds the monitor. */
    private void startReady() {
      while (!ready.isEmpty()) {
        int i = ready.poll();
        running++;
        pool.execute(() -> runFrom(i));
      }
    }

    private void runFrom(int first) {
      int next = first;
      while (next >= 0) {
        Completion c = runOne(state, nodes.get(next), next);
        synchronized (this) {
          next = -1;
          try {
            next = afterNode(c);
          } catch (RuntimeException | Error e) {
            // Never lose an error on a worker thread: the waiting thread rethrows it.
            if (internalError == null) {
              internalError = e;
            }
          }
          if (next < 0) {
            running--;
            if (running == 0) {
              notifyAll();
            }
          }
        }
      }
    }

    /**
     * Records a finished node; the caller holds the monitor.
     *
     * @return a node this thread should run next, or -1
     */
    private int afterNode(Completion c) {
      Node node = nodes.get(c.node());
      if (c.error() != null) {
        if (failure == null) {
          failure = state.failure(node, c.error());
        } else {
          failure.addSuppressed(state.failure(node, c.error()));
        }
        return -1;
      }
      state.finished(node, c.nanos());
      for (int child : state.children(c.node())) {
        if (--waitingOn[child] == 0) {
          ready.add(child);
        }
      }
      if (failure != null || internalError != null || state.anyNodeFailed() || ready.isEmpty()) {
        return -1;
      }
      int next = ready.poll();
      startReady();
      return next;
    }

    synchronized void awaitEnd() throws InterruptedException {
      while (running > 0) {
        wait();
      }
    }

    synchronized int running() {
      return running;
    }

    synchronized void rethrow() {
      if (internalError instanceof RuntimeException e) {
        throw e;
      }
      if (internalError instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw failure;
      }
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
