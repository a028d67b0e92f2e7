package dev.weir.sql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps named SQL parameters working on sessions with Delta Lake's SQL extension.
 *
 * <p>Spark 4.1 binds {@code spark.sql(text, args)} parameters while parsing, through {@code
 * ParserInterface.parsePlanWithParameters}; Delta's {@code DeltaSqlParser} (delta-spark 4.3.1,
 * installed by {@code spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension}) does not
 * forward that call, so every {@code :name} stays unbound ({@code [UNBOUND_SQL_PARAMETER]},
 * measured on Spark 4.1.3; other extension parsers had the same bug, e.g. Iceberg's PR #16626).
 * Spark's {@code spark.sql.legacy.parameterSubstitution.constantsOnly=true} restores the Spark 4.0
 * path, which binds the parameters during analysis and works with Delta's parser. It is set on such
 * sessions (checked once per session), and only matters where parameters are used: they are then
 * allowed where constant literals are, as in Spark 4.0.
 */
final class DeltaParserWorkaround {
  static final String LEGACY_BINDING = "spark.sql.legacy.parameterSubstitution.constantsOnly";
  private static final Logger LOG = LoggerFactory.getLogger(DeltaParserWorkaround.class);
  private static final Set<SparkSession> DONE = ConcurrentHashMap.newKeySet();

  private DeltaParserWorkaround() {}

  static void apply(SparkSession spark) {
    if (DONE.contains(spark)) {
      return;
    }
    try {
      String extensions = spark.conf().get("spark.sql.extensions", "");
      if (extensions.contains("io.delta.sql.DeltaSparkSessionExtension")
          && !"true".equalsIgnoreCase(spark.conf().get(LEGACY_BINDING, "false"))) {
        spark.conf().set(LEGACY_BINDING, "true");
        LOG.info(
            "Set {}=true on this Spark session: Delta's SQL parser drops the named parameters of"
                + " SQL nodes otherwise (Spark 4.1 binds them while parsing).",
            LEGACY_BINDING);
      }
    } catch (RuntimeException e) {
      // A managed session may refuse to read or set configurations; parameters then bind as the
      // platform binds them.
      LOG.debug("Could not check {}: {}", LEGACY_BINDING, e.toString());
    }
    DONE.add(spark);
  }
}
