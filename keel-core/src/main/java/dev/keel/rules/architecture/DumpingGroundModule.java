package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "ARC004",
    summary = "a utils/helpers/misc/common module collects many definitions with no common theme",
    severity = Severity.WARNING,
    effortMinutes = 60)
final class DumpingGroundModule implements FileRule {
  static final Set<String> GENERIC_NAMES =
      Set.of(
          "utils",
          "util",
          "utilities",
          "helpers",
          "helper",
          "misc",
          "miscellaneous",
          "common",
          "functions",
          "funcs",
          "stuff",
          "tools",
          "toolbox",
          "shared",
          "general",
          "generic");

  /** Fewer definitions than this is a small module, whatever its name. */
  static final int MIN_DEFINITIONS = 6;

  @Override
  public void finish(FileVisit file) {
    String path = file.path();
    String stem = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.py$", "");
    if (stem.equals("__init__")) {
      String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      stem = folder.substring(folder.lastIndexOf('/') + 1);
    }
    if (file.isTest() || !GENERIC_NAMES.contains(stem.toLowerCase(Locale.ROOT))) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Stmt s : file.parse().module().body()) {
      switch (s) {
        case Stmt.FunctionDef d -> names.add(d.name());
        case Stmt.AsyncFunctionDef d -> names.add(d.name());
        case Stmt.ClassDef c -> names.add(c.name());
        default -> {}
      }
    }
    names.removeIf(n -> n.startsWith("_"));
    if (names.size() < MIN_DEFINITIONS || hasTheme(names)) {
      return;
    }
    file.reportFile(
        stem
            + " is a dumping ground: "
            + names.size()
            + " public definitions with no common theme ("
            + String.join(", ", names.subList(0, Math.min(4, names.size())))
            + (names.size() > 4 ? ", …" : "")
            + "); move each to the module its callers are about");
  }

  /**
   * Whether one word appears in at least half of the names ({@code parse_date}, {@code DateRange}).
   */
  static boolean hasTheme(List<String> names) {
    Map<String, Integer> words = new HashMap<>();
    for (String n : names) {
      for (String w : Set.copyOf(words(n))) {
        words.merge(w, 1, Integer::sum);
      }
    }
    int half = (names.size() + 1) / 2;
    return words.entrySet().stream()
        .anyMatch(e -> e.getValue() >= half && !STOP_WORDS.contains(e.getKey()));
  }

  private static final Set<String> STOP_WORDS =
      Set.of("get", "set", "is", "make", "to", "from", "of", "the", "a", "and", "do", "run", "new");

  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String part : name.split("_")) {
      for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
        if (!w.isEmpty()) {
          out.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }
}
