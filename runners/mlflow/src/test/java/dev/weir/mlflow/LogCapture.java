package dev.weir.mlflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the WARN and higher lines of a logger ({@code dev.weir.mlflow} by default) while open.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger logger;

  LogCapture() {
    this("dev.weir.mlflow");
  }

  /** Collects the WARN and higher lines of the named logger and its children. */
  LogCapture(String loggerName) {
    super("mlflow-test-capture-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
    logger = (Logger) LogManager.getLogger(loggerName);
    start();
    logger.addAppender(this);
  }

  @Override
  public void append(LogEvent event) {
    if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
      warnings.add(event.getMessage().getFormattedMessage());
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    logger.removeAppender(this);
    stop();
  }
}
