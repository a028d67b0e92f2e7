package dev.weir.sql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one SQL node query with its inputs visible as views that only this execution can see.
 *
 * <p>Scoping: each input gets a view name unique to the execution ({@code <view>__weir_<random>}),
 * and the query's references to the input (case-insensitive, outside its own CTEs) are rewritten to
 * that name in the parsed text. Two SQL nodes running at the same time under the parallel runner,
 * both reading a view {@code companies}, therefore resolve different views, in the one shared Spark
 * session. {@code spark.newSession()} (a separate temp-view namespace) was measured and rejected:
 * over Spark Connect a DataFrame of the new session cannot be combined with the inputs' session
 * ({@code [CONNECT.SESSION_NOT_SAME]}), and on classic Spark the inputs would have to be moved into
 * the new session through internal APIs.
 *
 * <p>Lifetime: on classic Spark {@code spark.sql} analyses eagerly, inlining the views' plans, so
 * the views are dropped as soon as it returns. A Spark Connect client's DataFrame is a plan the
 * server analyses again on every action, so views dropped on the client would be missing later;
 * there the inputs travel inside the plan as {@code WithRelations} references (the mechanism of
 * PySpark's {@code spark.sql("... {df}", df=df)}), and the server creates the views, analyses the
 * query and drops them again each time it resolves the plan ({@link ConnectSqlExecution}).
 */
final class SqlExecution {
  private SqlExecution() {}

  static final String CONNECT_SESSION = "org.apache.spark.sql.connect.SparkSession";

  /**
   * @param spark the session of the inputs (or the active one)
   * @param query the parsed query
   * @param frames DataFrame inputs by declared view name
   * @param args named parameter values as literal columns
   * @return the analysed (not computed) result
   */
  static Dataset<Row> run(
      SparkSession spark,
      SqlQuery query,
      Map<String, Dataset<Row>> frames,
      Map<String, Object> args) {
    String suffix = "__weir_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, String> renames = new HashMap<>();
    Map<String, Dataset<Row>> byUniqueName = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : frames.entrySet()) {
      String unique = e.getKey() + suffix;
      renames.put(SqlQuery.normalise(e.getKey()), unique);
      byUniqueName.put(unique, e.getValue());
    }
    String text = query.rewrite(renames);
    if (!args.isEmpty()) {
      DeltaParserWorkaround.apply(spark);
    }
    Dataset<Row> result =
        isConnect(spark)
            ? ConnectSqlExecution.run(spark, text, byUniqueName, args)
            : classic(spark, text, byUniqueName, args);
    // Analysis only: fails here, inside the node, on an unknown column; computes nothing.
    result.schema();
    return result;
  }

  private static Dataset<Row> classic(
      SparkSession spark, String text, Map<String, Dataset<Row>> views, Map<String, Object> args) {
    try {
      for (Map.Entry<String, Dataset<Row>> e : views.entrySet()) {
        e.getValue().createOrReplaceTempView(e.getKey());
      }
      return spark.sql(text, args);
    } finally {
      for (String view : views.keySet()) {
        spark.catalog().dropTempView(view);
      }
    }
  }

  /**
   * @param spark a session
   * @return whether it is a Spark Connect client (checked by class name, so classic deployments
   *     never load Connect classes)
   */
  static boolean isConnect(SparkSession spark) {
    for (Class<?> c = spark.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(CONNECT_SESSION)) {
        return true;
      }
    }
    return false;
  }
}
