package dev.weir.mlflow;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs calls to a tracking server with a time limit. The MLflow Java client sets no socket timeouts
 * and retries every failed request three times, so a hanging server would hold a run forever: each
 * call runs on a daemon thread and is abandoned after {@code timeout}. After the first failure the
 * caller refuses every further call at once, so one bad server costs a run at most one timeout.
 */
final class BoundedCaller {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Duration timeout;
  private final ExecutorService executor;
  private volatile @Nullable TrackingFailure failure;

  BoundedCaller(Duration timeout) {
    this.timeout = timeout;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "weir-mlflow-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * @param what the operation, for the failure message ({@code create run})
   * @param call the client call
   * @return its result
   * @throws TrackingFailure when the call fails, takes longer than the timeout, or an earlier call
   *     failed
   */
  <T> T call(String what, Callable<T> call) {
    TrackingFailure earlier = failure;
    if (earlier != null) {
      throw earlier;
    }
    Future<T> future;
    try {
      future = executor.submit(call);
    } catch (RuntimeException e) {
      throw fail(new TrackingFailure(what, "the MLflow call could not be started", e));
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(
          new TrackingFailure(
              what, "no answer within " + seconds(timeout) + " (timeout_seconds)", null));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw fail(new TrackingFailure(what, describe(cause), cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw fail(new TrackingFailure(what, "interrupted", e));
    }
  }

  /** Runs a call without a result. */
  void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  @Nullable TrackingFailure failure() {
    return failure;
  }

  void close() {
    executor.shutdownNow();
  }

  private TrackingFailure fail(TrackingFailure f) {
    if (failure == null) {
      failure = f;
      // A thread stuck in the client's socket read stays stuck; interrupting it is all we can do.
      executor.shutdownNow();
    }
    return f;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  private static String describe(Throwable t) {
    String msg = t.getMessage();
    String text = t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    // Server error bodies can be long HTML pages; one line is enough for the warning.
    text = text.replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  /** A tracking server call that failed or timed out. */
  static final class TrackingFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final String reason;

    TrackingFailure(String operation, String reason, @Nullable Throwable cause) {
      super(operation + ": " + reason, cause, false, false);
      this.operation = operation;
      this.reason = reason;
    }

    String operation() {
      return operation;
    }

    String reason() {
      return reason;
    }
  }
}
