package dev.keel.newcode;

import dev.keel.finding.Finding;
import dev.keel.judge.Change;
import dev.keel.judge.JudgedFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches the findings of the work tree with those of an earlier revision, never by line number: by
 * file (a file git saw renamed keeps its findings), rule, enclosing symbol (the def or class around
 * the finding, the module for module-level and project findings) and a key — the message with its
 * numbers taken out, or for a measured rule (complexity, length, parameters, nesting, a cycle,
 * configuration spread, a hub, annotation coverage) the name it is about. Where several candidates
 * share an identity, the one on the same (whitespace-normalised) source line is taken first, then
 * the first in file order. A matched finding whose measure grew is {@link Change#WORSENED}; the
 * rest of the matched ones are {@link Change#EXISTING}; the others {@link Change#NEW}.
 */
public final class NewCodeGate {
  /** Where a side's findings sit: enclosing symbols and source lines of its files. */
  public interface Side {
    /** The definitions of the file at {@code path} (relative to the project folder). */
    Symbols symbols(String path);

    /** The text of a line of that file, if there is one. */
    Optional<String> line(String path, int line);
  }

  /** Which direction of a measure is worse. */
  private record Measure(Pattern pattern, boolean higherIsWorse) {}

  private static final Pattern NAME = Pattern.compile("`([^`]+)`");
  private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");

  private static final Map<String, Measure> MEASURES =
      Map.of(
          "CPX001", new Measure(Pattern.compile("complexity of (\\d+)"), true),
          "CPX002", new Measure(Pattern.compile("is (\\d+) lines long"), true),
          "CPX003", new Measure(Pattern.compile("takes (\\d+) parameters"), true),
          "CPX004", new Measure(Pattern.compile("nests blocks (\\d+) deep"), true),
          "CFG101", new Measure(Pattern.compile("so do (\\d+) other modules"), true),
          "ARC008", new Measure(Pattern.compile("is a hub: (\\d+) of"), true),
          "TYP002", new Measure(Pattern.compile("is (\\d+(?:\\.\\d+)?)%"), false),
          // A cycle: its length (arrows), then the size of its knot.
          "ARC006", new Measure(Pattern.compile("(\\d+) modules are tangled"), true));

  private record Identity(String path, String code, String symbol, String key) {}

  private record Candidate(Finding finding, String line) {}

  private final Set<String> projectCodes;

  /**
   * @param projectCodes codes of project rules: their findings are about the module, so the
   *     enclosing symbol is left out of their identity
   */
  public NewCodeGate(Set<String> projectCodes) {
    this.projectCodes = Set.copyOf(projectCodes);
  }

  /**
   * @param current the work tree's judged findings, in report order
   * @param currentSide where they sit
   * @param earlier the findings at the revision (paths as they were then)
   * @param earlierSide where those sit
   * @param renames files git saw renamed since the revision: old path to new path
   * @return {@code current}, each with its {@link Change}, in the same order
   */
  public List<JudgedFinding> classify(
      List<JudgedFinding> current,
      Side currentSide,
      List<Finding> earlier,
      Side earlierSide,
      Map<String, String> renames) {
    Map<Identity, LinkedList<Candidate>> before = new HashMap<>();
    for (Finding f : earlier) {
      String path = renames.getOrDefault(f.path(), f.path());
      Identity id = identity(renamed(f, path), f.path(), path, earlierSide);
      before
          .computeIfAbsent(id, k -> new LinkedList<>())
          .add(new Candidate(f, lineOf(f, earlierSide)));
    }
    List<JudgedFinding> out = new ArrayList<>(current.size());
    // First the findings on an unchanged line take their exact partner; then the rest by identity.
    Candidate[] partner = new Candidate[current.size()];
    Identity[] ids = new Identity[current.size()];
    for (int i = 0; i < current.size(); i++) {
      Finding f = current.get(i).finding();
      ids[i] = identity(f, f.path(), f.path(), currentSide);
      LinkedList<Candidate> list = before.get(ids[i]);
      if (list == null) {
        continue;
      }
      String line = lineOf(f, currentSide);
      for (Iterator<Candidate> it = list.iterator(); it.hasNext(); ) {
        Candidate c = it.next();
        if (c.line().equals(line)) {
          partner[i] = c;
          it.remove();
          break;
        }
      }
    }
    for (int i = 0; i < current.size(); i++) {
      if (partner[i] == null) {
        LinkedList<Candidate> list = before.get(ids[i]);
        if (list != null && !list.isEmpty()) {
          partner[i] = list.removeFirst();
        }
      }
      JudgedFinding j = current.get(i);
      Change c;
      if (partner[i] == null) {
        c = Change.NEW;
      } else if (worse(j.finding(), partner[i].finding())) {
        c = Change.WORSENED;
      } else {
        c = Change.EXISTING;
      }
      out.add(j.with(c));
    }
    return out;
  }

  /**
   * @param read where the finding's file is on its side
   * @param path the path it is matched under (the work tree's name for a renamed file)
   */
  private Identity identity(Finding f, String read, String path, Side side) {
    String key;
    boolean aboutModule = projectCodes.contains(f.code()) || f.span().isEmpty();
    if (MEASURES.containsKey(f.code())) {
      Matcher m = NAME.matcher(f.message());
      key = m.find() ? m.group(1) : "";
      // A measure of the whole module (annotation coverage, a cycle) is about the module.
      aboutModule |= key.isEmpty();
    } else {
      key = NUMBER.matcher(f.message()).replaceAll("#");
    }
    String symbol = aboutModule ? "" : side.symbols(read).at(f.span().get().line());
    return new Identity(path, f.code(), symbol, key);
  }

  /**
   * A finding of a file git saw renamed, with the old module's name in its message replaced by the
   * new one ("no test module for shop.prices" is the same finding as "… for shop.pricing").
   */
  private static Finding renamed(Finding f, String newPath) {
    if (newPath.equals(f.path())) {
      return f;
    }
    String message = f.message();
    String[][] names = {
      {dotted(f.path()), dotted(newPath)}, {stem(f.path()), stem(newPath)}, {f.path(), newPath}
    };
    for (String[] n : names) {
      if (!n[0].isEmpty() && !n[0].equals(n[1])) {
        message =
            message.replaceAll(
                "(?<![\\p{L}\\p{N}.])" + Pattern.quote(n[0]) + "(?![\\p{L}\\p{N}])",
                java.util.regex.Matcher.quoteReplacement(n[1]));
      }
    }
    return new Finding(f.code(), f.severity(), message, newPath, f.span(), f.effortMinutes());
  }

  private static String dotted(String path) {
    String p = path.replaceFirst("\\.pyi?$", "");
    p = p.endsWith("/__init__") ? p.substring(0, p.length() - "/__init__".length()) : p;
    return p.replace('/', '.');
  }

  private static String stem(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.replaceFirst("\\.pyi?$", "");
  }

  private static String lineOf(Finding f, Side side) {
    if (f.span().isEmpty()) {
      return "";
    }
    return side.line(f.path(), f.span().get().line())
        .map(s -> s.strip().replaceAll("\\s+", " "))
        .orElse("");
  }

  /** Whether {@code now} measures worse than {@code then} (same rule, same identity). */
  static boolean worse(Finding now, Finding then) {
    Measure m = MEASURES.get(now.code());
    if (m == null) {
      return false;
    }
    if (now.code().equals("ARC006")) {
      int a = arrows(now.message());
      int b = arrows(then.message());
      if (a != b) {
        return a > b;
      }
    }
    Optional<Double> a = measure(m, now.message());
    Optional<Double> b = measure(m, then.message());
    if (a.isEmpty() || b.isEmpty()) {
      return a.isPresent() && now.code().equals("ARC006"); // a cycle that grew a knot
    }
    return m.higherIsWorse() ? a.get() > b.get() : a.get() < b.get();
  }

  private static int arrows(String message) {
    int n = 0;
    for (int i = message.indexOf('→'); i >= 0; i = message.indexOf('→', i + 1)) {
      n++;
    }
    return n;
  }

  private static Optional<Double> measure(Measure m, String message) {
    Matcher x = m.pattern().matcher(message);
    return x.find() ? Optional.of(Double.parseDouble(x.group(1))) : Optional.empty();
  }

  /** A side whose files are read with {@code read} (absent when unreadable); parsed once each. */
  public static Side side(
      Function<String, Optional<byte[]>> read, BiFunction<String, Integer, Optional<String>> line) {
    Map<String, Symbols> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    return new Side() {
      @Override
      public Symbols symbols(String path) {
        return parsed.computeIfAbsent(
            path,
            p ->
                p.endsWith(".py") || p.endsWith(".pyi")
                    ? read.apply(p).map(Symbols::of).orElse(Symbols.NONE)
                    : Symbols.NONE);
      }

      @Override
      public Optional<String> line(String path, int n) {
        return line.apply(path, n);
      }
    };
  }
}
