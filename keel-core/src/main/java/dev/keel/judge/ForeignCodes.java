package dev.keel.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The codes of other tools (pyflakes, pycodestyle, flake8 plugins, Ruff, bandit) that mean the same
 * as a Keel rule, so that the suppressions a team already wrote for them ({@code # noqa: F401},
 * {@code # nosec B602}, Ruff's {@code per-file-ignores}) also silence Keel. The table is
 * docs/suppressions.md; a test holds the two together.
 *
 * <p>A foreign selector is matched the way Ruff matches one: by its linter prefix (the letters:
 * {@code S} is bandit and never {@code SIM}, {@code ANN} is flake8-annotations and never {@code
 * A}), then by the start of its number ({@code S1} covers {@code S105}). {@code PL} covers the four
 * pylint groups and {@code ALL} every code.
 */
public final class ForeignCodes {
  /**
   * One row of the table.
   *
   * @param foreign the other tool's code, or a linter prefix alone ({@code DTZ}) for all its codes
   * @param keel the Keel rule it suppresses
   * @param tool who defines the foreign code, for the documentation
   */
  public record Mapping(String foreign, String keel, String tool) {}

  private static final List<Mapping> TABLE = table();

  private ForeignCodes() {}

  private static List<Mapping> table() {
    List<Mapping> t = new ArrayList<>();
    // pyflakes (Ruff F): Keel's names rules follow pyflakes' semantics.
    add(t, "pyflakes", "NAM001", "F401");
    add(t, "pyflakes", "NAM002", "F821", "F822");
    add(t, "pyflakes", "NAM003", "F841");
    add(t, "pyflakes", "NAM004", "F811");
    // pycodestyle, flake8-bugbear, flake8-blind-except, flake8-simplify
    add(t, "pycodestyle", "REL001", "E722");
    add(t, "flake8-bugbear", "REL001", "B001");
    add(t, "flake8-bugbear", "REL005", "B006");
    add(t, "flake8-blind-except", "REL002", "BLE001");
    add(t, "flake8-simplify", "REL002", "SIM105");
    // mccabe and pylint (Ruff PLR)
    add(t, "mccabe", "CPX001", "C901");
    add(t, "pylint", "CPX002", "PLR0915");
    add(t, "pylint", "CPX003", "PLR0913", "PLR0917");
    add(t, "pylint", "CPX004", "PLR1702");
    // bandit, as Ruff numbers it (S) and as bandit does in # nosec (B, turned into S)
    add(t, "bandit", "REL009", "S101");
    add(t, "bandit", "SEC001", "S102", "S307");
    add(t, "bandit", "SEC011", "S104");
    add(t, "bandit", "SEC006", "S105", "S106", "S107");
    add(t, "bandit", "REL002", "S110", "S112");
    add(t, "bandit", "REL003", "S113");
    add(t, "bandit", "SEC010", "S201");
    add(t, "bandit", "SEC002", "S301", "S302");
    add(t, "bandit", "SEC009", "S303", "S324");
    add(t, "bandit", "SEC008", "S306");
    add(t, "bandit", "SEC007", "S323", "S501");
    add(t, "bandit", "SEC003", "S506");
    add(t, "bandit", "SEC004", "S602", "S604", "S605");
    add(t, "bandit", "SEC005", "S608");
    // flake8-datetimez: every DTZ code is a naive datetime
    add(t, "flake8-datetimez", "REL006", "DTZ");
    // flake8-annotations, Ruff
    add(
        t,
        "flake8-annotations",
        "TYP001",
        "ANN001",
        "ANN002",
        "ANN003",
        "ANN201",
        "ANN202",
        "ANN204",
        "ANN205",
        "ANN206");
    add(
        t,
        "flake8-annotations",
        "TYP002",
        "ANN001",
        "ANN002",
        "ANN003",
        "ANN201",
        "ANN202",
        "ANN204",
        "ANN205",
        "ANN206");
    add(t, "flake8-annotations", "TYP003", "ANN401");
    add(t, "Ruff", "TYP004", "RUF013");
    // flake8-print, flake8-async, flake8-builtins
    add(t, "flake8-print", "CFG003", "T201", "T203");
    add(
        t,
        "flake8-async",
        "REL004",
        "ASYNC210",
        "ASYNC220",
        "ASYNC221",
        "ASYNC222",
        "ASYNC230",
        "ASYNC251");
    add(t, "flake8-builtins", "ARC005", "A005");
    add(t, "pygrep-hooks", "TST005", "PGH005");
    return Collections.unmodifiableList(t);
  }

  private static void add(List<Mapping> t, String tool, String keel, String... foreign) {
    for (String f : foreign) {
      t.add(new Mapping(f, keel, tool));
    }
  }

  /** Every row, in the order of the documentation. */
  public static List<Mapping> all() {
    return TABLE;
  }

  /** The Keel codes that some foreign code suppresses: what a tool that skips a file would skip. */
  public static Set<String> keelCodes() {
    Set<String> out = new TreeSet<>();
    TABLE.forEach(m -> out.add(m.keel()));
    return out;
  }

  /**
   * Whether a foreign {@code selector} ({@code F401}, {@code S1}, {@code DTZ}, {@code ALL}) covers
   * the Keel {@code code}.
   */
  public static boolean suppresses(String selector, String code) {
    String sel = selector.toUpperCase(Locale.ROOT);
    if (sel.equals("ALL")) {
      return keelCodes().contains(code);
    }
    for (Mapping m : TABLE) {
      if (m.keel().equals(code) && covers(sel, m.foreign())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the selector covers the foreign code (or linter prefix) {@code foreign}. */
  static boolean covers(String selector, String foreign) {
    String selLinter = letters(selector);
    String selNumber = selector.substring(selLinter.length());
    String linter = letters(foreign);
    String number = foreign.substring(linter.length());
    if (selLinter.equals("PL") && linter.startsWith("PL") && linter.length() == 3) {
      // PL is pylint's four groups (PLC, PLE, PLR, PLW) together; a number needs the group.
      return selNumber.isEmpty();
    }
    if (!selLinter.equals(linter)) {
      return false;
    }
    // A row for a whole linter (DTZ) is covered by any of its codes or the linter itself.
    return number.isEmpty() || number.startsWith(selNumber);
  }

  private static String letters(String code) {
    int i = 0;
    while (i < code.length() && Character.isLetter(code.charAt(i))) {
      i++;
    }
    return code.substring(0, i);
  }
}
