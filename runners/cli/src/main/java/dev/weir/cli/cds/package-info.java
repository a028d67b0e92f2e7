/**
 * The class-data-sharing (CDS) training run of the {@code weir} launcher: a small pipeline that
 * loads the classes a typical {@code weir run} loads, so that {@code java -XX:ArchiveClassesAtExit}
 * can record them in a dynamic archive (JEP 350) that later runs map with {@code
 * -XX:SharedArchiveFile} instead of loading and verifying each class again.
 */
@NullMarked
package dev.weir.cli.cds;

import org.jspecify.annotations.NullMarked;
