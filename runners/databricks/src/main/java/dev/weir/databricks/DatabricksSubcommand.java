package dev.weir.databricks;

import dev.weir.command.WeirSubcommand;

/** Registers {@code weir databricks} ({@code submit}) with the command line. */
public final class DatabricksSubcommand implements WeirSubcommand {

  /** Instantiated by {@link java.util.ServiceLoader}. */
  public DatabricksSubcommand() {}

  @Override
  public Object command() {
    return new DatabricksCommand();
  }
}
