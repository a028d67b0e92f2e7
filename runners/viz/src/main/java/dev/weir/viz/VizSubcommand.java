package dev.weir.viz;

import dev.weir.command.WeirSubcommand;

/** Registers {@code weir viz} with the command line ({@code META-INF/services}). */
public final class VizSubcommand implements WeirSubcommand {

  /** Instantiated by {@link java.util.ServiceLoader}. */
  public VizSubcommand() {}

  @Override
  public Object command() {
    return new VizCommand();
  }
}
