package dev.keel.python.parser;

import dev.keel.python.ast.Node;
import dev.keel.python.ast.SyntaxChildren;
import java.util.Arrays;

/** The depth of a tree, walked with a stack of its own so that no depth overflows the thread's. */
final class TreeDepth {
  private Node[] nodes = new Node[64];
  private int[] depths = new int[64];
  private int size;

  private TreeDepth() {}

  /** Levels of nodes from {@code root} (1) down to its deepest leaf. */
  static int of(Node root) {
    return new TreeDepth().measure(root);
  }

  private int measure(Node root) {
    int deepest = 0;
    push(root, 1);
    while (size > 0) {
      size--;
      Node n = nodes[size];
      int d = depths[size];
      nodes[size] = null;
      deepest = Math.max(deepest, d);
      SyntaxChildren.forEach(n, c -> push(c, d + 1));
    }
    return deepest;
  }

  private void push(Node n, int depth) {
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      depths = Arrays.copyOf(depths, size * 2);
    }
    nodes[size] = n;
    depths[size] = depth;
    size++;
  }
}
