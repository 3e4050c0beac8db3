package dev.keel.semantic;

import dev.keel.python.ast.Node;
import dev.keel.python.ast.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One binding of a name in a scope: what bound it, where, and whether any code reads it. For
 * imports, {@link #qualifiedName()} is what the name stands for ({@code os.path} for {@code import
 * os.path as p}).
 */
public final class Binding {
  private final String name;
  private final BindingKind kind;
  private final Node source;
  private final TextRange range;
  private final int statementStart;
  private final String written;
  private final String qualifiedName;
  private final String fromModule;
  Scope scope;
  boolean used;
  final List<Node> redefinedBy = new ArrayList<>();

  /**
   * For {@code __all__}: the names it lists; {@code __all__ += [...]} shares the list of the
   * binding it replaces rather than copying it, so a long run of them stays linear.
   */
  List<String> exportNames = new ArrayList<>();

  /** {@code import x as x} or {@code from m import y as y}: a re-export by convention (PEP 484). */
  boolean explicitReExport;

  /** An import this binding replaces on another branch (try/except ImportError, if/else). */
  Binding alternativeImport;

  Binding(
      String name,
      BindingKind kind,
      Node source,
      TextRange range,
      int statementStart,
      String written,
      String qualifiedName,
      String fromModule,
      Scope scope) {
    this.name = name;
    this.kind = kind;
    this.source = source;
    this.range = range;
    this.statementStart = statementStart;
    this.written = written;
    this.qualifiedName = qualifiedName;
    this.fromModule = fromModule;
    this.scope = scope;
  }

  public String name() {
    return name;
  }

  public BindingKind kind() {
    return kind;
  }

  /** The node that binds: the statement for imports, definitions and handlers, else the name. */
  public Node source() {
    return source;
  }

  /** Where the binding is written (the alias of an import, the name of a definition). */
  public TextRange range() {
    return range;
  }

  /** The start offset of the statement that binds (pyflakes reports imports there). */
  public int statementStart() {
    return statementStart;
  }

  /**
   * For imports, the full dotted name bound ({@code datetime.datetime} for {@code from datetime
   * import datetime}); for builtins, {@code builtins.name}.
   */
  public Optional<String> qualifiedName() {
    return Optional.ofNullable(qualifiedName);
  }

  /** For {@code from m import x}: {@code m} with its leading dots. */
  public Optional<String> fromModule() {
    return Optional.ofNullable(fromModule);
  }

  public Scope scope() {
    return scope;
  }

  /** Whether code reads this binding (or, for imports, re-exports it). */
  public boolean isUsed() {
    return used;
  }

  /** Whether this is {@code import x as x} or {@code from m import y as y} (PEP 484 re-export). */
  public boolean isExplicitReExport() {
    return explicitReExport;
  }

  /** The names {@code __all__} lists, for an {@link BindingKind#EXPORT} binding. */
  public List<String> exportedNames() {
    return List.copyOf(exportNames);
  }

  /** The imported name as written, relative dots kept: {@code .models.User}. */
  String written() {
    return written;
  }

  /** Whether {@code import a.b as c} needs its {@code as}. */
  boolean hasAlias() {
    return !written.substring(written.lastIndexOf('.') + 1).equals(name);
  }

  /** The import as the user wrote it, for messages: {@code os.path}, {@code a.b as c}. */
  String describe() {
    return switch (kind) {
      case SUBMODULE_IMPORT -> written;
      case STAR_IMPORT -> written.endsWith(".") ? "from " + written + " import *" : name;
      case IMPORT, FROM_IMPORT, FUTURE_IMPORT -> hasAlias() ? written + " as " + name : written;
      default -> name;
    };
  }

  @Override
  public String toString() {
    return kind + " " + name + "@" + range.start();
  }
}
