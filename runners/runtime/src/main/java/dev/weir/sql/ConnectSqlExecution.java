package dev.weir.sql;

import java.util.Map;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SubqueryAlias;
import org.apache.spark.connect.proto.WithRelations;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.ColumnNodeToProtoConverter;
import scala.runtime.BoxedUnit;

/**
 * A SQL node query over Spark Connect, as one self-contained plan: a {@code WithRelations} relation
 * whose root is the {@code SQL} relation (text and named arguments) and whose references are the
 * inputs' plans, each a {@code SubqueryAlias} named by its execution-unique view name. The Spark
 * Connect server (its planner's {@code transformWithRelations}) registers the references as
 * temporary views, analyses the query and drops the views again, each time it resolves the plan,
 * which is the protocol PySpark uses for {@code spark.sql("... {df}", df=df)}.
 *
 * <p>Loaded only for a Connect session. It builds the plan through the client's {@code
 * newDataFrame} and {@code Dataset.plan()}, which are {@code private[sql]} in Scala (public in the
 * bytecode); no public Java API takes DataFrame arguments to SQL.
 */
final class ConnectSqlExecution {
  private ConnectSqlExecution() {}

  static Dataset<Row> run(
      SparkSession session,
      String text,
      Map<String, Dataset<Row>> views,
      Map<String, Object> args) {
    org.apache.spark.sql.connect.SparkSession spark =
        (org.apache.spark.sql.connect.SparkSession) session;
    SQL.Builder sql = SQL.newBuilder().setQuery(text);
    for (Map.Entry<String, Object> arg : args.entrySet()) {
      sql.putNamedArguments(
          arg.getKey(), ColumnNodeToProtoConverter.toExpr((Column) arg.getValue()));
    }
    Relation root = Relation.newBuilder().setSql(sql).build();
    if (views.isEmpty()) {
      return spark.newDataFrame(
          b -> {
            b.mergeFrom(root);
            return BoxedUnit.UNIT;
          });
    }
    WithRelations.Builder with = WithRelations.newBuilder().setRoot(root);
    for (Map.Entry<String, Dataset<Row>> view : views.entrySet()) {
      org.apache.spark.sql.connect.Dataset<Row> df =
          (org.apache.spark.sql.connect.Dataset<Row>) view.getValue();
      with.addReferences(
          Relation.newBuilder()
              .setSubqueryAlias(
                  SubqueryAlias.newBuilder()
                      .setInput(df.plan().getRoot())
                      .setAlias(view.getKey())));
    }
    return spark.newDataFrame(
        b -> {
          b.setWithRelations(with);
          return BoxedUnit.UNIT;
        });
  }
}
