package dev.keel.judge;

import dev.keel.config.PathIgnores;
import dev.keel.finding.Finding;
import dev.keel.project.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 5 of the data flow, in one place: from the findings the rules emitted to the findings a
 * report shows. In order, it drops a finding about a file Keel did not read (but the one that says
 * so), outside the paths asked for, of a code its file's {@link Tiers tier} does not report, or
 * suppressed by a comment on its line ({@link Suppressions}) or by a per-file setting ({@link
 * PathIgnores}: Keel's, Ruff's or flake8's); it sorts the rest into report order, gives each its
 * {@link Fingerprints fingerprint} and marks those the {@link Baseline} holds.
 */
public final class Judge {
  /** The code of the finding for a file whose analysis was abandoned (a rule of its own). */
  public static final String ABANDONED = "SYN004";

  /**
   * The findings that say a file was not judged: not read (a link out, a FIFO, a file too large) or
   * abandoned. No other finding speaks about such a file, and a baseline keeps its entries.
   */
  public static final Set<String> UNJUDGED_CODES = Set.of("SYN002", "SYN003", ABANDONED);

  private final Project project;
  private final Tiers tiers;
  private final SourceText texts;
  private final Baseline baseline;
  private final PathIgnores pathIgnores;
  private final Map<String, List<PathIgnores.Entry>> ignoresByPath =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param project its scope, its tiers and the files Keel did not read decide what is kept
   * @param texts the files' text, for suppression comments and fingerprints
   * @param baseline the accepted findings; {@link Baseline#empty()} for none
   */
  public Judge(Project project, SourceText texts, Baseline baseline) {
    this(project, texts, baseline, PathIgnores.none());
  }

  /**
   * @param pathIgnores the codes silenced per path ({@code per-file-ignores}, linters' excludes)
   */
  public Judge(Project project, SourceText texts, Baseline baseline, PathIgnores pathIgnores) {
    this.project = project;
    this.tiers = Tiers.of(project.config().tiers());
    this.texts = texts;
    this.baseline = baseline;
    this.pathIgnores = pathIgnores;
  }

  /** Whether a per-file setting silences {@code code} at {@code path}. */
  private boolean ignoredAt(String path, String code) {
    if (pathIgnores.entries().isEmpty()) {
      return false;
    }
    List<PathIgnores.Entry> applicable =
        ignoresByPath.computeIfAbsent(
            path, p -> pathIgnores.entries().stream().filter(e -> e.appliesTo(p)).toList());
    for (PathIgnores.Entry e : applicable) {
      boolean silenced =
          switch (e.kind()) {
            case KEEL -> e.codes().stream().anyMatch(c -> c.equals("ALL") || code.startsWith(c));
            case FOREIGN -> e.codes().stream().anyMatch(c -> ForeignCodes.suppresses(c, code));
            // A file the linter never reads: what it would have said, and that it is not Python
            // (a template) when it does not parse.
            case EXCLUDED -> code.equals("SYN001") || ForeignCodes.keelCodes().contains(code);
          };
      if (silenced) {
        return true;
      }
    }
    return false;
  }

  /** The judged findings of {@code raw}, in report order ({@link JudgedFinding#ORDER}). */
  public List<JudgedFinding> judge(List<Finding> raw) {
    List<Finding> kept = keep(raw);
    List<String> fingerprints = Fingerprints.of(kept, texts::line);
    List<JudgedFinding> judged = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      String fp = fingerprints.get(i);
      judged.add(new JudgedFinding(kept.get(i), fp, baseline.contains(fp)));
    }
    return judged;
  }

  /** The findings a report shows, sorted by {@link Finding#ORDER}. */
  private List<Finding> keep(List<Finding> raw) {
    // A file Keel did not read was not judged: no rule speaks about it (a .gitignore linked out of
    // the project is not "no .gitignore"), only the finding that says it was skipped.
    List<Finding> read =
        raw.stream()
            .filter(f -> !project.isNotRead(f.path()) || UNJUDGED_CODES.contains(f.code()))
            .toList();
    // Each file with findings is read again for its suppression comments: in parallel, file by
    // file.
    Map<String, Suppressions> suppressions =
        read.stream()
            .filter(f -> f.span().isPresent() || f.path().endsWith(".py"))
            .map(Finding::path)
            .distinct()
            .toList()
            .parallelStream()
            .collect(Collectors.toConcurrentMap(p -> p, p -> Suppressions.fromText(texts.text(p))));
    List<Finding> kept = new ArrayList<>();
    for (Finding f : read) {
      if (!project.inScope(f.path()) || !Tiers.reports(tiers.of(f.path()), f.code())) {
        continue;
      }
      if (ignoredAt(f.path(), f.code())) {
        continue;
      }
      if (f.span().isPresent()
          && suppressions.get(f.path()).suppresses(f.span().get().line(), f.code())) {
        continue;
      }
      // A finding about a whole module (no line) is still silenced by a file-level
      // "# ruff: noqa" or "# flake8: noqa" in it.
      if (f.span().isEmpty()
          && suppressions.containsKey(f.path())
          && suppressions.get(f.path()).suppressesFileWide(f.code())) {
        continue;
      }
      kept.add(f);
    }
    kept.sort(Finding.ORDER);
    return kept;
  }
}
