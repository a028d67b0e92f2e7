package dev.weir.runner;

import dev.weir.WeirException;

/**
 * A hook threw. Weir propagates hook failures as Kedro does (pluggy re-raises what a hook
 * implementation raises), so a failing hook fails the node or the run it was called for; the
 * message names the hook class and the hook method.
 */
public class HookException extends WeirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which hook failed in which method, and how to fix it
   * @param cause what the hook threw
   */
  public HookException(String message, Throwable cause) {
    super(message, cause);
  }
}
