package dev.keel.debt;

import dev.keel.finding.Finding;
import dev.keel.finding.Severity;
import dev.keel.judge.JudgedFinding;
import dev.keel.rule.RuleDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What {@code keel report} says, as plain values: the debt and its ratings, where it sits, the
 * hotspots, the trend and what to do first. {@link #build} computes it; the renderers only print
 * it.
 */
public record DebtReport(
    String project,
    String version,
    Optional<String> commit,
    Optional<Instant> date,
    long minutes,
    double ratio,
    char rating,
    long linesOfCode,
    double costPerLine,
    int findings,
    List<Family> byFamily,
    List<Bucket> byPackage,
    List<Bucket> byModule,
    Rating reliability,
    Rating security,
    List<Hotspot> hotspots,
    List<FixFirst> fixFirst,
    List<Point> trend,
    int windowMonths,
    boolean history,
    Optional<Since> since,
    List<RuleDescriptor> rules,
    List<JudgedFinding> all,
    boolean measured) {

  /** Debt of one family, with its risk in product terms. */
  public record Family(
      String prefix, String name, long minutes, int findings, Severity worst, String risk) {}

  /** Debt of one package or module. */
  public record Bucket(String name, long minutes, int findings) {}

  /** A rating from the worst open finding of a family. */
  public record Rating(char rating, Optional<Severity> worst, int findings) {}

  /**
   * A file ({@code name} null) or a function that changes often and is complex.
   *
   * @param changes commits that touched it within the window
   * @param complexity its cyclomatic complexity (a file: the sum over its functions)
   * @param score {@code changes × complexity}
   * @param coverage the percentage of its statements the tests ran, when coverage.py's data
   *     describes it as it is now
   */
  public record Hotspot(
      String path,
      String name,
      int changes,
      int authors,
      int complexity,
      long debtMinutes,
      long score,
      OptionalDouble coverage) {}

  /** A finding to pay first, and why. */
  public record FixFirst(JudgedFinding finding, String symbol, long score, String why) {}

  /** One past point of the trend. */
  public record Point(
      String commit, Instant date, int findings, long debtMinutes, long lines, char rating) {}

  /** With {@code --since REF}: what the change added. */
  public record Since(String ref, String commit, List<JudgedFinding> added, int existing) {
    public long minutes() {
      return added.stream().mapToLong(j -> j.finding().effortMinutes()).sum();
    }
  }

  /** How often a file or function changed in the window. */
  public record Activity(String path, String name, int changes, int authors) {}

  /** One function's complexity now. */
  public record Callable(String path, String name, int complexity) {}

  /**
   * Everything the report is computed from.
   *
   * @param symbols the enclosing def or class of each finding (parallel to {@code findings}; "" at
   *     module level)
   * @param linesOfCode non-blank, non-comment lines of the Python files
   * @param files activity per file; empty without history
   * @param functions activity per function (name as {@code Class.method})
   */
  public record Input(
      String project,
      String version,
      Optional<String> commit,
      Optional<Instant> date,
      List<JudgedFinding> findings,
      List<String> symbols,
      List<RuleDescriptor> rules,
      long linesOfCode,
      double costPerLine,
      List<Activity> files,
      List<Activity> functions,
      List<Callable> callables,
      List<Point> trend,
      int windowMonths,
      boolean history,
      Optional<Since> since,
      Map<String, Double> coverage) {
    /** The report's input without coverage data. */
    public Input(
        String project,
        String version,
        Optional<String> commit,
        Optional<Instant> date,
        List<JudgedFinding> findings,
        List<String> symbols,
        List<RuleDescriptor> rules,
        long linesOfCode,
        double costPerLine,
        List<Activity> files,
        List<Activity> functions,
        List<Callable> callables,
        List<Point> trend,
        int windowMonths,
        boolean history,
        Optional<Since> since) {
      this(
          project,
          version,
          commit,
          date,
          findings,
          symbols,
          rules,
          linesOfCode,
          costPerLine,
          files,
          functions,
          callables,
          trend,
          windowMonths,
          history,
          since,
          Map.of());
    }
  }

  private static final int TOP_HOTSPOTS = 50;
  private static final int FIX_FIRST = 10;

  public static DebtReport build(Input in) {
    List<JudgedFinding> open = in.findings();
    long minutes = open.stream().mapToLong(j -> j.finding().effortMinutes()).sum();
    double ratio = in.linesOfCode() == 0 ? 0 : minutes / (in.costPerLine() * in.linesOfCode());

    Map<String, List<Finding>> families = new TreeMap<>();
    Map<String, long[]> packages = new TreeMap<>();
    Map<String, long[]> modules = new TreeMap<>();
    for (JudgedFinding j : open) {
      Finding f = j.finding();
      families.computeIfAbsent(prefix(f.code()), k -> new ArrayList<>()).add(f);
      add(packages, packageOf(f.path()), f.effortMinutes());
      add(modules, f.path(), f.effortMinutes());
    }
    List<Family> byFamily = new ArrayList<>();
    families.forEach(
        (p, fs) ->
            byFamily.add(
                new Family(
                    p,
                    DebtModel.familyName(p),
                    fs.stream().mapToLong(Finding::effortMinutes).sum(),
                    fs.size(),
                    fs.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(null),
                    DebtModel.risk(p))));
    byFamily.sort(Comparator.comparingLong(Family::minutes).reversed());

    Map<String, Integer> fileComplexity = new HashMap<>();
    Map<String, Integer> fnComplexity = new HashMap<>();
    for (Callable c : in.callables()) {
      fileComplexity.merge(c.path(), c.complexity(), Integer::sum);
      fnComplexity.merge(c.path() + "\0" + c.name(), c.complexity(), Math::max);
    }
    Map<String, Long> fileDebt = new HashMap<>();
    Map<String, Long> fnDebt = new HashMap<>();
    for (int i = 0; i < open.size(); i++) {
      Finding f = open.get(i).finding();
      fileDebt.merge(f.path(), (long) f.effortMinutes(), Long::sum);
      String sym = in.symbols().get(i);
      if (!sym.isEmpty()) {
        fnDebt.merge(f.path() + "\0" + sym, (long) f.effortMinutes(), Long::sum);
      }
    }
    List<Hotspot> hotspots = new ArrayList<>();
    Map<String, Hotspot> fileSpots = new HashMap<>();
    Map<String, Hotspot> fnSpots = new HashMap<>();
    for (Activity a : in.files()) {
      int cx = fileComplexity.getOrDefault(a.path(), 0);
      Hotspot h =
          new Hotspot(
              a.path(),
              null,
              a.changes(),
              a.authors(),
              cx,
              fileDebt.getOrDefault(a.path(), 0L),
              (long) a.changes() * cx,
              covered(in, a.path()));
      hotspots.add(h);
      fileSpots.put(a.path(), h);
    }
    for (Activity a : in.functions()) {
      String key = a.path() + "\0" + a.name();
      Integer cx = fnComplexity.get(key);
      if (cx == null) {
        continue; // a class, or a function that no longer exists
      }
      Hotspot h =
          new Hotspot(
              a.path(),
              a.name(),
              a.changes(),
              a.authors(),
              cx,
              fnDebt.getOrDefault(key, 0L),
              (long) a.changes() * cx,
              covered(in, key));
      hotspots.add(h);
      fnSpots.put(key, h);
    }
    hotspots.sort(
        Comparator.comparingLong(Hotspot::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(Hotspot::debtMinutes).reversed())
            .thenComparing(Hotspot::path)
            .thenComparing(h -> h.name() == null ? "" : h.name()));
    List<Hotspot> top =
        List.copyOf(
            hotspots.stream()
                .filter(h -> h.score() > 0 || h.debtMinutes() > 0)
                .limit(TOP_HOTSPOTS)
                .toList());

    List<FixFirst> candidates = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      JudgedFinding j = open.get(i);
      Finding f = j.finding();
      String sym = in.symbols().get(i);
      Hotspot fn = sym.isEmpty() ? null : fnSpots.get(f.path() + "\0" + sym);
      Hotspot file = fileSpots.get(f.path());
      long score = fn != null ? fn.score() : file != null ? file.score() : 0;
      candidates.add(new FixFirst(j, sym, score, why(f, sym, fn, file, in.windowMonths())));
    }
    candidates.sort(
        Comparator.comparingLong(FixFirst::score)
            .reversed()
            .thenComparing(x -> x.finding().finding().severity(), Comparator.reverseOrder())
            .thenComparing(x -> x.finding().finding().effortMinutes(), Comparator.reverseOrder())
            .thenComparing(x -> x.finding().finding(), Finding.ORDER));
    List<FixFirst> fixFirst = List.copyOf(candidates.stream().limit(FIX_FIRST).toList());

    return new DebtReport(
        in.project(),
        in.version(),
        in.commit(),
        in.date(),
        minutes,
        ratio,
        DebtModel.rating(ratio),
        in.linesOfCode(),
        in.costPerLine(),
        open.size(),
        List.copyOf(byFamily),
        buckets(packages),
        buckets(modules),
        rating(open, "REL"),
        rating(open, "SEC"),
        top,
        fixFirst,
        List.copyOf(in.trend()),
        in.windowMonths(),
        in.history(),
        in.since(),
        List.copyOf(in.rules()),
        List.copyOf(open),
        !in.coverage().isEmpty());
  }

  private static OptionalDouble covered(Input in, String key) {
    Double d = in.coverage().get(key);
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }

  private static String why(Finding f, String sym, Hotspot fn, Hotspot file, int months) {
    String where = sym.isEmpty() ? f.path() : "`" + sym + "` in " + f.path();
    String cost = f.severity().label() + ", " + DebtModel.words(f.effortMinutes()) + " to fix";
    if (fn != null && fn.changes() > 0) {
      return where
          + " changed in "
          + commits(fn.changes())
          + " over the last "
          + months
          + " months"
          + people(fn)
          + ", complexity "
          + fn.complexity()
          + ": every change there pays for this debt again ("
          + cost
          + ")";
    }
    if (file != null && file.changes() > 0) {
      return where
          + ": the file changed in "
          + commits(file.changes())
          + " over the last "
          + months
          + " months"
          + people(file)
          + (file.complexity() > 0
              ? ", and its functions add up to complexity " + file.complexity()
              : "")
          + " ("
          + cost
          + ")";
    }
    return where + ": " + cost;
  }

  private static String commits(int n) {
    return n + (n == 1 ? " commit" : " commits");
  }

  private static String people(Hotspot h) {
    return h.authors() > 1 ? " by " + h.authors() + " people" : "";
  }

  private static Rating rating(List<JudgedFinding> open, String prefix) {
    Severity worst = null;
    int n = 0;
    for (JudgedFinding j : open) {
      if (j.finding().code().startsWith(prefix)) {
        n++;
        Severity s = j.finding().severity();
        worst = worst == null || s.compareTo(worst) > 0 ? s : worst;
      }
    }
    return new Rating(DebtModel.worstRating(worst), Optional.ofNullable(worst), n);
  }

  private static void add(Map<String, long[]> m, String key, int minutes) {
    long[] v = m.computeIfAbsent(key, k -> new long[2]);
    v[0] += minutes;
    v[1]++;
  }

  private static List<Bucket> buckets(Map<String, long[]> m) {
    List<Bucket> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new Bucket(k, v[0], (int) v[1])));
    out.sort(Comparator.comparingLong(Bucket::minutes).reversed().thenComparing(Bucket::name));
    return List.copyOf(out);
  }

  /** {@code REL001} → {@code REL}. */
  static String prefix(String code) {
    int i = 0;
    while (i < code.length() && Character.isLetter(code.charAt(i))) {
      i++;
    }
    return code.substring(0, i);
  }

  /** The folder of a path, {@code /}-separated ({@code .} at the root). */
  static String packageOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  /** The rules that have findings here, by code. */
  public Map<String, RuleDescriptor> rulesByCode() {
    Map<String, RuleDescriptor> out = new LinkedHashMap<>();
    for (RuleDescriptor r : rules) {
      out.put(r.code(), r);
    }
    return out;
  }

  /** What changed between the last two points of the trend. */
  public Optional<String> lastChange() {
    if (trend.size() < 2) {
      return Optional.empty();
    }
    Point a = trend.get(trend.size() - 2);
    Point b = trend.get(trend.size() - 1);
    long d = b.debtMinutes() - a.debtMinutes();
    int n = b.findings() - a.findings();
    String debt =
        d == 0
            ? "debt unchanged"
            : (d > 0 ? "debt up " : "debt down ") + DebtModel.words(Math.abs(d));
    String count = n == 0 ? "" : ", " + (n > 0 ? n + " more findings" : -n + " fewer findings");
    String rate = a.rating() == b.rating() ? "" : ", rating " + a.rating() + " → " + b.rating();
    return Optional.of(
        "Since "
            + a.commit().substring(0, Math.min(10, a.commit().length()))
            + ": "
            + debt
            + count
            + rate
            + ".");
  }
}
