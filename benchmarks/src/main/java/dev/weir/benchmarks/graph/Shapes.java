package dev.weir.benchmarks.graph;

import dev.weir.node.Node;
import dev.weir.node.NodeFunction1;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The node lists the graph benchmarks build pipelines from, in three shapes. Every node has one
 * output; every node {@code i} carries the tag {@code t<i mod 10>} so a tag filter keeps a tenth of
 * the nodes. Node construction happens here, in the benchmarks' setup, never in the measured code.
 */
public final class Shapes {
  /** The seed of the random-layers shape: the same graph on every run. */
  public static final long SEED = 42L;

  /** Nodes per layer of the random-layers shape. */
  static final int LAYER_WIDTH = 100;

  private static final NodeFunction1<Integer, Integer> IDENTITY = x -> x;

  private Shapes() {}

  /** A graph shape. */
  public enum Shape {
    /** {@code d0 -> n0 -> d1 -> n1 -> ... -> dN}: N layers of one node. */
    CHAIN,
    /**
     * A wide fan-out / fan-in: one source node, N-2 nodes that all read the source's output, and
     * one sink that reads all of their outputs (an N-2-way fan-in, Kedro's slowest case).
     */
    FANOUT,
    /**
     * Random layers of {@value Shapes#LAYER_WIDTH} nodes (seed {@value Shapes#SEED}); each node of
     * layer k > 0 reads one output of layer k-1 and up to two more of any earlier layer.
     */
    RANDOM
  }

  /**
   * @param shape the shape
   * @param n the number of nodes (at least 3)
   * @param prefix prefix of every node and dataset name, so several graphs can be combined
   * @return the nodes, in creation order
   */
  public static List<Node> nodes(Shape shape, int n, String prefix) {
    return switch (shape) {
      case CHAIN -> chain(n, prefix);
      case FANOUT -> fanOut(n, prefix);
      case RANDOM -> randomLayers(n, prefix);
    };
  }

  /**
   * A chain whose first node reads {@code <prefix>d0} and last writes {@code <prefix>d<n>}.
   *
   * @param n nodes
   * @param prefix name prefix
   * @return the nodes
   */
  public static List<Node> chain(int n, String prefix) {
    List<Node> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      nodes.add(identity(prefix + "n" + i, prefix + "d" + i, prefix + "d" + (i + 1), i));
    }
    return nodes;
  }

  private static List<Node> fanOut(int n, String prefix) {
    List<Node> nodes = new ArrayList<>(n);
    nodes.add(identity(prefix + "source", prefix + "in", prefix + "x", 0));
    List<String> middle = new ArrayList<>(n - 2);
    for (int i = 1; i < n - 1; i++) {
      String out = prefix + "y" + i;
      middle.add(out);
      nodes.add(identity(prefix + "n" + i, prefix + "x", out, i));
    }
    String sinkOutput = prefix + "out";
    nodes.add(
        Node.mapNode(in -> Map.of(sinkOutput, in.size()))
            .inputs(middle)
            .output(sinkOutput)
            .name(prefix + "sink")
            .tags("t" + ((n - 1) % 10))
            .build());
    return nodes;
  }

  private static List<Node> randomLayers(int n, String prefix) {
    Random random = new Random(SEED);
    List<Node> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int layer = i / LAYER_WIDTH;
      String name = prefix + "n" + i;
      String out = prefix + "d" + i;
      if (layer == 0) {
        nodes.add(identity(name, prefix + "raw" + i, out, i));
        continue;
      }
      int previousStart = (layer - 1) * LAYER_WIDTH;
      List<String> inputs = new ArrayList<>(3);
      inputs.add(prefix + "d" + (previousStart + random.nextInt(LAYER_WIDTH)));
      int extra = random.nextInt(3);
      for (int k = 0; k < extra; k++) {
        String input = prefix + "d" + random.nextInt(layer * LAYER_WIDTH);
        if (!inputs.contains(input)) {
          inputs.add(input);
        }
      }
      nodes.add(
          Node.mapNode(in -> Map.of(out, in.size()))
              .inputs(inputs)
              .output(out)
              .name(name)
              .tags("t" + (i % 10))
              .build());
    }
    return nodes;
  }

  /**
   * @return a node computing the identity on an Integer
   */
  static Node identity(String name, String input, String output, int i) {
    return Node.node(IDENTITY).inputs(input).output(output).name(name).tags("t" + (i % 10)).build();
  }
}
