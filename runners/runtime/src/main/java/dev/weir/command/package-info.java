/**
 * What a plugin needs to add to the {@code weir} command line without depending on it: the {@link
 * dev.weir.command.WeirSubcommand} service, the {@link dev.weir.command.WeirCommand} base with its
 * shared {@link dev.weir.command.CommonOptions}, the {@link dev.weir.command.ExitCodes}, and {@link
 * dev.weir.command.JobEnvironment} for a driver that must not call {@code System.exit}.
 *
 * <p>Picocli is an optional dependency of {@code weir-runtime}: a project that only runs a {@code
 * Session} does not get it; {@code weir-cli} and every plugin with commands declare it.
 */
@NullMarked
package dev.weir.command;

import org.jspecify.annotations.NullMarked;
