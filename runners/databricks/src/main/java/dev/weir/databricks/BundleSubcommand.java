package dev.weir.databricks;

import dev.weir.command.WeirSubcommand;

/** Registers {@code weir bundle} with the command line ({@code META-INF/services}). */
public final class BundleSubcommand implements WeirSubcommand {

  /** Instantiated by {@link java.util.ServiceLoader}. */
  public BundleSubcommand() {}

  @Override
  public Object command() {
    return new BundleCommand();
  }
}
