package dev.weir.databricks;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which nodes cannot run over Spark Connect or Databricks Connect, and the error that stops such a
 * run before it computes anything.
 *
 * <p>A Connect client has the DataFrame and SQL API only: no {@code SparkContext}, no RDDs, and a
 * JVM UDF runs only if its classes reach the server (Spark Connect's {@code addArtifact}, or the
 * job JAR attached to the cluster). Spark Connect itself fails such code in the middle of a run,
 * after earlier nodes wrote their outputs. A node that needs classic Spark says so with a tag, and
 * the run over Connect is refused up front:
 *
 * <ul>
 *   <li>{@value #TAG}: needs classic Spark, no reason given;
 *   <li>{@value #TAG}{@code .<reason>}: needs it because of {@code <reason>}; known reasons are
 *       {@code rdd}, {@code spark_context}, {@code udf} and {@code mllib}, any other word is shown
 *       with its underscores as spaces.
 * </ul>
 *
 * <pre>{@code
 * Node.node(MyNodes::dedupeWithRdd).inputs("events").output("unique_events")
 *     .tags("requires_classic_spark.rdd").build();
 * }</pre>
 *
 * <p>Tags match Kedro's tag rule ({@code [\w.-]+}), hence the dot.
 */
public final class ClassicSparkCheck {
  /** The tag that marks a node as needing a classic (in-JVM) Spark session. */
  public static final String TAG = "requires_classic_spark";

  private static final Map<String, String> REASONS =
      Map.of(
          "rdd", "it uses RDDs, which Spark Connect does not have",
          "spark_context", "it uses the SparkContext, which a Spark Connect client does not have",
          "udf",
              "it registers a JVM UDF whose classes the Connect server does not have (attach the"
                  + " job JAR to the cluster or upload it with addArtifact)",
          "mllib", "it uses Spark MLlib's RDD-based API");

  private ClassicSparkCheck() {}

  /**
   * A node that needs classic Spark, and why.
   *
   * @param node the node name
   * @param reason why, in words
   */
  public record Requirement(String node, String reason) {}

  /**
   * @param pipeline the pipeline about to run
   * @return its nodes tagged {@value #TAG} or {@value #TAG}{@code .<reason>}, in run order (one
   *     entry per reason)
   */
  public static List<Requirement> requirements(Pipeline pipeline) {
    List<Requirement> found = new ArrayList<>();
    for (Node node : pipeline.nodes()) {
      for (String tag : node.tags()) {
        if (tag.equals(TAG)) {
          found.add(new Requirement(node.name(), "it is tagged " + TAG));
        } else if (tag.startsWith(TAG + ".")) {
          String key = tag.substring(TAG.length() + 1);
          found.add(new Requirement(node.name(), REASONS.getOrDefault(key, key.replace('_', ' '))));
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * Refuses a run over Connect that contains nodes needing classic Spark.
   *
   * @param pipeline the pipeline about to run
   * @param overConnect whether the run's Spark session is a Connect client
   * @throws ClassicSparkRequiredException when {@code overConnect} and a node needs classic Spark;
   *     the message names each node and its reason
   */
  public static void check(Pipeline pipeline, boolean overConnect) {
    if (!overConnect) {
      return;
    }
    List<Requirement> requirements = requirements(pipeline);
    if (requirements.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("Cannot run over Spark Connect: ");
    for (int i = 0; i < requirements.size(); i++) {
      Requirement r = requirements.get(i);
      message
          .append(i == 0 ? "" : "; ")
          .append("node '")
          .append(r.node())
          .append("' needs classic Spark because ")
          .append(r.reason());
    }
    message.append(
        ". Nothing was computed. Run it on a cluster or an embedded session (without --spark-remote"
            + " / SPARK_REMOTE), or leave the node out (--nodes, --tags, --to-nodes) and run it"
            + " there.");
    throw new ClassicSparkRequiredException(message.toString());
  }
}
