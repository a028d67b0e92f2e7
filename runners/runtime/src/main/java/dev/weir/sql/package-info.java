/**
 * SQL nodes: pipeline nodes whose body is a Spark SQL {@code SELECT} (or {@code WITH ... SELECT})
 * over their inputs, written inline ({@link dev.weir.sql.SqlNode}) or as {@code .sql} files with a
 * {@code -- weir:} header ({@link dev.weir.sql.SqlPipelines}), and validated before a run without
 * computing anything ({@link dev.weir.sql.SqlNodes}).
 *
 * <p>Parsing uses Spark's own ANTLR grammar ({@code SqlBaseLexer}/{@code SqlBaseParser} of {@code
 * spark-sql-api}), which the classic runtime and the Spark Connect client both carry, so validation
 * is identical in both modes and needs no session.
 */
@NullMarked
package dev.weir.sql;

import org.jspecify.annotations.NullMarked;
