/** The {@code weir} command line (picocli); main class {@link dev.weir.cli.Main}. */
@NullMarked
package dev.weir.cli;

import org.jspecify.annotations.NullMarked;
