package dev.keel.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An import-linter style contract from {@code [[tool.keel.layers]]} (or an import-linter
 * configuration): {@code layers} — each layer may import the layers below it, never those above;
 * {@code forbidden} — the source modules must not import the forbidden ones; {@code independence} —
 * the modules must not import each other. Indirect imports (through other modules) count, as in
 * import-linter.
 *
 * @param type which of the three kinds of contract
 * @param layers module names, highest first ({@code layers} contracts)
 * @param containers packages inside which the layers are repeated ({@code layers} contracts)
 */
public record LayerContract(
    String name,
    Type type,
    List<String> layers,
    List<String> containers,
    List<String> sourceModules,
    List<String> forbiddenModules,
    List<String> modules) {
  /** The {@code type} of a contract in {@code [[tool.keel.layers]]}. */
  public enum Type {
    /** Each layer may import the layers below it, never those above. */
    LAYERS,
    /** The source modules must not import the forbidden ones. */
    FORBIDDEN,
    /** The modules must not import each other. */
    INDEPENDENCE;

    /** The value of {@code type}: {@code layers}, {@code forbidden} or {@code independence}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Type> parse(String label) {
      for (Type t : values()) {
        if (t.label().equals(label)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public LayerContract {
    layers = List.copyOf(layers);
    containers = List.copyOf(containers);
    sourceModules = List.copyOf(sourceModules);
    forbiddenModules = List.copyOf(forbiddenModules);
    modules = List.copyOf(modules);
  }

  /** A layers contract. */
  public LayerContract(String name, List<String> layers, List<String> containers) {
    this(name, Type.LAYERS, layers, containers, List.of(), List.of(), List.of());
  }
}
