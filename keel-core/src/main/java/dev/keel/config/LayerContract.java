package dev.keel.config;

import java.util.List;

/**
 * An import-linter style contract from {@code [[tool.keel.layers]]}: each layer may import the
 * layers below it, never those above.
 *
 * @param layers module names, highest first
 */
public record LayerContract(String name, List<String> layers, List<String> containers) {
  public LayerContract {
    layers = List.copyOf(layers);
    containers = List.copyOf(containers);
  }
}
