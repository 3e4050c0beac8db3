package dev.keel.semantic;

import dev.keel.python.ast.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A scope and the bindings its names have at the end of the analysis. */
public final class Scope {
  private final ScopeKind kind;
  private final Node node;
  private final Scope parent;
  final Map<String, Binding> bindings = new LinkedHashMap<>();
  boolean importStarred;
  boolean usesLocals;

  Scope(ScopeKind kind, Node node, Scope parent) {
    this.kind = kind;
    this.node = node;
    this.parent = parent;
  }

  public ScopeKind kind() {
    return kind;
  }

  /** The module, def, class, lambda or comprehension that opens the scope. */
  public Node node() {
    return node;
  }

  /** The lexically enclosing scope; empty for the module. */
  public Optional<Scope> parent() {
    return Optional.ofNullable(parent);
  }

  /** The binding {@code name} has in this scope when the analysis ends. */
  public Optional<Binding> binding(String name) {
    return Optional.ofNullable(bindings.get(name));
  }

  /** The bindings of the scope at the end of the analysis; builtins are not among them. */
  public List<Binding> bindings() {
    return bindings.values().stream().filter(b -> b.kind() != BindingKind.BUILTIN).toList();
  }

  /** Whether the scope has a {@code from m import *}. */
  public boolean hasStarImport() {
    return importStarred;
  }

  boolean isFunctionLike() {
    return kind == ScopeKind.FUNCTION || kind == ScopeKind.LAMBDA;
  }

  @Override
  public String toString() {
    return kind + " " + bindings.keySet();
  }
}
