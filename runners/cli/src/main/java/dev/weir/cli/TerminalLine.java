package dev.weir.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The one terminal line the progress bar lives on. The bar is redrawn in place ({@code \r}, then
 * ANSI "erase to end of line"); a log line printed meanwhile ({@link #linesAbove()}) first erases
 * the bar, is printed whole, and the bar is drawn again below it, so no stale copy of the bar is
 * left behind. After {@link #close()} the last frame stays, printed once with its newline, and
 * nothing is drawn again.
 */
final class TerminalLine implements ProgressBarConsumer {
  private static final String ERASE = "\r\u001b[K";

  private final PrintStream out;
  private final int width;
  private @Nullable String frame;
  private boolean closed;

  /**
   * @param out where to draw (the real standard error)
   * @param width the terminal's width in characters
   */
  TerminalLine(PrintStream out, int width) {
    this.out = out;
    this.width = width;
  }

  /**
   * @return the width from {@code COLUMNS}, else 100
   */
  static int terminalWidth() {
    try {
      return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim()));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  @Override
  public int getMaxRenderedLength() {
    return width - 1;
  }

  @Override
  public synchronized void accept(String rendered) {
    if (closed) {
      return;
    }
    frame = rendered;
    out.print(ERASE + rendered);
    out.flush();
  }

  /**
   * Prints whole lines above the bar.
   *
   * @param text one or more lines, each ending with a newline
   */
  synchronized void printAbove(String text) {
    if (closed || frame == null) {
      out.print(text);
      out.flush();
      return;
    }
    out.print(ERASE + text + frame);
    out.flush();
  }

  /**
   * @return a stream whose complete lines go above the bar, to stand in for {@code System.err}
   *     while the bar is shown (the log appender follows {@code System.err})
   */
  PrintStream linesAbove() {
    return new PrintStream(new LineBuffer(), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (frame != null) {
      out.print(ERASE + frame + System.lineSeparator());
      out.flush();
    }
  }

  /** Collects bytes up to each newline, then prints the line above the bar. */
  private final class LineBuffer extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      pending.write(b);
      if (b == '\n') {
        printAbove(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
      }
    }

    @Override
    public synchronized void flush() {
      // partial lines wait for their newline, or for close()
    }

    @Override
    public synchronized void close() {
      if (pending.size() > 0) {
        printAbove(pending.toString(StandardCharsets.UTF_8) + System.lineSeparator());
        pending.reset();
      }
    }
  }
}
