package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Expr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the names of one module mean: its scopes and bindings, which binding each name read reaches,
 * and the problems with names that pyflakes would report. Built once per file by {@link #of};
 * immutable afterwards and safe to read from the file's rules.
 *
 * <p>The question most rules ask is "which function does this call reach?": {@link #resolveCall}
 * answers {@code datetime.datetime.utcnow} for {@code dt.utcnow()} after {@code from datetime
 * import datetime as dt}, and nothing for a call on a local variable, so a rule never matches a
 * bare name by accident.
 */
public final class SemanticModel {
  private final Scope module;
  private final List<Scope> scopes;
  private final Map<Expr.Name, Binding> resolved;
  private final List<NameIssue> issues;
  private final java.util.function.Predicate<dev.keel.python.ast.Node> seen;
  private final Set<String> importedOrBuiltin;
  private final Set<String> renamedImports;

  private SemanticModel(Binder binder, Scope module) {
    this.module = module;
    this.scopes = List.copyOf(binder.scopes);
    this.resolved = binder.resolved;
    this.issues = List.copyOf(binder.issues);
    this.seen = binder::saw;
    this.importedOrBuiltin = binder.importedOrBuiltin;
    this.renamedImports = binder.renamedImports;
  }

  /** Binds the names of a parsed module. */
  public static SemanticModel of(ParseResult parse, ModuleContext context) {
    try {
      return bind(parse, context);
    } catch (StackOverflowError deep) {
      // Nesting the parser accepted can exceed this thread's stack: bind again on a deep one.
      return PythonParser.onDeepStack(() -> bind(parse, context));
    }
  }

  private static SemanticModel bind(ParseResult parse, ModuleContext context) {
    Binder binder = new Binder(parse, context);
    Scope module = binder.run();
    return new SemanticModel(binder, module);
  }

  public Scope moduleScope() {
    return module;
  }

  /** Every scope of the module, outermost first in order of analysis. */
  public List<Scope> scopes() {
    return scopes;
  }

  /** Unused imports, undefined names, unused locals and redefinitions, in pyflakes' sense. */
  public List<NameIssue> issues() {
    return issues;
  }

  /** The issues of one kind. */
  public List<NameIssue> issues(NameIssue.Kind kind) {
    return issues.stream().filter(i -> i.kind() == kind).toList();
  }

  /** The binding a name that is read reaches, if the name is defined. */
  public Optional<Binding> bindingOf(Expr.Name name) {
    return Optional.ofNullable(resolved.get(name));
  }

  /**
   * The dotted name an expression stands for through imports: {@code requests.get} for {@code
   * r.get} after {@code import requests as r}, {@code time.sleep} for {@code sleep} after {@code
   * from time import sleep}, {@code builtins.open} for an unshadowed {@code open}. Empty for
   * anything that is not rooted in an import or a builtin, such as a local variable, a parameter or
   * an attribute of a call's result.
   *
   * <p>A name the model never saw in this module's tree (one from a string annotation that a rule
   * parsed itself) is looked up in the module scope.
   *
   * <p>A name imported on one branch and assigned on another ({@code try: import json / except
   * ImportError: json = None}) resolves to the import.
   */
  public Optional<String> qualifiedName(Expr e) {
    return switch (e) {
      case Expr.Name n -> {
        if (!importedOrBuiltin.contains(n.id())) {
          // A local variable, a parameter, self: no import or builtin binds this name anywhere.
          yield Optional.empty();
        }
        Binding b = resolved.get(n);
        if (b == null && !seen.test(n)) {
          b = moduleLevel(n);
        }
        if (b == null) {
          yield Optional.empty();
        }
        if (!b.kind().isImport() && b.kind() != BindingKind.BUILTIN) {
          b = b.alternativeImport;
        }
        if (b == null || b.kind() == BindingKind.STAR_IMPORT) {
          yield Optional.empty();
        }
        yield b.qualifiedName();
      }
      case Expr.Attribute a -> qualifiedName(a.value()).map(q -> q + "." + a.attr());
      default -> Optional.empty();
    };
  }

  /**
   * A name the analysis never saw, such as one in a string annotation that a rule parsed itself:
   * what the module scope binds it to at the end (annotations are read there).
   */
  private Binding moduleLevel(Expr.Name n) {
    return module.bindings.get(n.id());
  }

  /**
   * Whether some import binds {@code name} somewhere in the module to a thing of another name
   * ({@code nap} after {@code from time import sleep as nap}, {@code np} after {@code import numpy
   * as np}).
   */
  public boolean isRenamedImport(String name) {
    // Most modules rename nothing: then the name's string is not even read.
    return !renamedImports.isEmpty() && renamedImports.contains(name);
  }

  /** The qualified name of the function a call reaches, as in {@link #qualifiedName}. */
  public Optional<String> resolveCall(Expr.Call call) {
    return qualifiedName(call.func());
  }

  /** Whether {@code e} stands for {@code qualified}, such as {@code subprocess.run}. */
  public boolean refersTo(Expr e, String qualified) {
    return qualifiedName(e).filter(qualified::equals).isPresent();
  }
}
