package dev.keel.config;

import java.util.List;

/**
 * An import-linter style contract from {@code [[tool.keel.layers]]} (or an import-linter
 * configuration): {@code layers} — each layer may import the layers below it, never those above;
 * {@code forbidden} — the source modules must not import the forbidden ones; {@code independence} —
 * the modules must not import each other. Indirect imports (through other modules) count, as in
 * import-linter.
 *
 * @param type {@code layers}, {@code forbidden} or {@code independence}
 * @param layers module names, highest first ({@code layers} contracts)
 * @param containers packages inside which the layers are repeated ({@code layers} contracts)
 */
public record LayerContract(
    String name,
    String type,
    List<String> layers,
    List<String> containers,
    List<String> sourceModules,
    List<String> forbiddenModules,
    List<String> modules) {
  public static final List<String> TYPES = List.of("layers", "forbidden", "independence");

  public LayerContract {
    layers = List.copyOf(layers);
    containers = List.copyOf(containers);
    sourceModules = List.copyOf(sourceModules);
    forbiddenModules = List.copyOf(forbiddenModules);
    modules = List.copyOf(modules);
  }

  /** A layers contract. */
  public LayerContract(String name, List<String> layers, List<String> containers) {
    this(name, "layers", layers, containers, List.of(), List.of(), List.of());
  }
}
