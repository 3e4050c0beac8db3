package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC002",
    summary = "pickle, marshal, shelve or dill loads data that can run code while it is read",
    severity = Severity.ERROR,
    effortMinutes = 60)
final class UnsafeDeserialization implements CallRule {
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
  public Set<String> calls() {
    return LOADERS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    if (roundTrip(call, file)) {
      return;
    }
    file.report(
        call,
        file.qualifiedName(call.func()).orElseThrow()
            + "() can run arbitrary code from the data it reads; load only data this program"
            + " wrote itself, or use JSON");
  }

  /**
   * {@code pickle.loads(pickle.dumps(obj))}: a deep copy through pickle, which loads only what the
   * same expression wrote.
   */
  private static boolean roundTrip(Expr.Call call, FileVisit file) {
    if (call.args().size() != 1 || !(call.args().get(0) instanceof Expr.Call inner)) {
      return false;
    }
    String loads = file.qualifiedName(call.func()).orElse("");
    String dumps = file.qualifiedName(inner.func()).orElse("");
    return loads.endsWith(".loads")
        && dumps.equals(loads.substring(0, loads.length() - "loads".length()) + "dumps");
  }
}
