package dev.weir.command;

/** The command line's exit codes. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** A node failed (or the run failed in an unexpected way). */
  public static final int RUN_FAILED = 1;

  /** A usage or configuration error: bad option, bad catalog, unknown pipeline, ... */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
