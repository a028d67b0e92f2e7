package dev.weir.mlflow;

import java.lang.reflect.Method;

/**
 * Keeps the MLflow Java client's retry warnings out of a run's output. Its {@code
 * org.mlflow.tracking.MlflowHttpCaller} retries every failed request but 429 three times and logs
 * each retry at WARN as "Request returned with status code 404 (Rate limit exceeded)", whatever the
 * status; Weir reports a failing server once, in its own words ({@link TrackedRun}). When Log4j 2
 * is the SLF4J backend (Weir's CLI) and that logger's level is coarser than DEBUG, it is set to
 * ERROR; a Log4j configuration that puts it (or the root) at DEBUG still shows every retry. With
 * another backend nothing is changed.
 */
final class ClientLogs {
  /** The client's logger name. */
  static final String CALLER = "org.mlflow.tracking.MlflowHttpCaller";

  private static volatile boolean done;

  private ClientLogs() {}

  /** Raises the client's logger to ERROR once per JVM, unless it is at DEBUG or finer. */
  static void quiet() {
    if (done) {
      return;
    }
    done = true;
    try {
      Class<?> logManager = Class.forName("org.apache.logging.log4j.LogManager");
      Class<?> level = Class.forName("org.apache.logging.log4j.Level");
      Object logger = logManager.getMethod("getLogger", String.class).invoke(null, CALLER);
      Object current = logger.getClass().getMethod("getLevel").invoke(logger);
      Object debug = level.getField("DEBUG").get(null);
      if ((boolean) level.getMethod("isLessSpecificThan", level).invoke(current, debug)) {
        return; // someone asked for DEBUG or finer: show the client's retries too
      }
      Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator");
      Method setLevel = configurator.getMethod("setLevel", String.class, level);
      setLevel.invoke(null, CALLER, level.getField("ERROR").get(null));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // not Log4j 2 core: leave the backend's configuration as it is
    }
  }
}
