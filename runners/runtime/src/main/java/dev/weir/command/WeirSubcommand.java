package dev.weir.command;

/**
 * A top-level {@code weir} subcommand contributed by a plugin, found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.weir.command.WeirSubcommand}) by {@code
 * dev.weir.cli.Main}; {@code weir viz} and {@code weir bundle} arrive this way.
 *
 * <p>The provider class needs a public no-argument constructor, as ServiceLoader requires. The
 * interface names no picocli type so that loading it never needs picocli; the command itself is a
 * picocli {@code @Command} object (usually a {@link WeirCommand}).
 */
@FunctionalInterface
public interface WeirSubcommand {

  /**
   * @return a new instance of a class annotated with picocli's {@code @Command}, whose {@code name}
   *     is the subcommand's name; called once per command line
   */
  Object command();
}
