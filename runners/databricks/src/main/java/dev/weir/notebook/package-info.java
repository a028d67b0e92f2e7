/**
 * Weir in a notebook or a REPL, as Kedro's {@code %load_ext kedro.ipython} gives a notebook its
 * {@code session}, {@code catalog} and {@code pipelines}: {@link dev.weir.notebook.WeirNotebook}.
 */
@NullMarked
package dev.weir.notebook;

import org.jspecify.annotations.NullMarked;
