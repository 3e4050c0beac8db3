package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC002",
    summary = "pickle, marshal, shelve or dill loads data that can run code while it is read",
    severity = Severity.ERROR,
    effortMinutes = 60)
final class UnsafeDeserialization implements FileRule {
  private static final Set<String> LOADERS =
      Set.of(
          "pickle.load",
          "pickle.loads",
          "pickle.Unpickler",
          "_pickle.load",
          "_pickle.loads",
          "_pickle.Unpickler",
          "cPickle.load",
          "cPickle.loads",
          "cPickle.Unpickler",
          "dill.load",
          "dill.loads",
          "dill.Unpickler",
          "marshal.load",
          "marshal.loads",
          "shelve.open",
          "shelve.DbfilenameShelf",
          "shelve.Shelf",
          "jsonpickle.decode",
          "jsonpickle.unpickler.decode",
          "pandas.read_pickle");

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Call.class);
  }

  @Override
  public Set<String> callees() {
    return FileRule.lastParts(LOADERS);
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Expr.Call call = (Expr.Call) node;
    file.qualifiedName(call.func())
        .filter(LOADERS::contains)
        .ifPresent(
            q ->
                file.report(
                    call,
                    q
                        + "() can run arbitrary code from the data it reads; load only data"
                        + " this program wrote itself, or use JSON"));
  }
}
