package dev.keel.audit;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
import dev.keel.history.GitRepository;
import dev.keel.history.HistoryException;
import dev.keel.history.TreeFileSystem;
import dev.keel.judge.Change;
import dev.keel.judge.JudgedFinding;
import dev.keel.newcode.NewCodeGate;
import dev.keel.report.Report;
import dev.keel.report.Since;
import dev.keel.rule.ReadsCoverage;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rule.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code keel check --since REF}: the work tree audited as usual, the project at REF audited from
 * git objects through the same pipeline (with the work tree's configuration, so a finding is new
 * because the code changed, not the settings), and each finding of the work tree marked new,
 * worsened or existing ({@link NewCodeGate}).
 */
public final class SinceAudit {
  /**
   * The outcome.
   *
   * @param current the work tree's audit, every finding in it
   * @param classified its findings, each with its change
   * @param commit the commit REF named
   */
  public record Result(
      AuditResult current,
      List<JudgedFinding> classified,
      String ref,
      GitRepository.Commit commit) {
    /** The findings the report shows: new and worsened ones. */
    public List<JudgedFinding> shown() {
      return classified.stream().filter(j -> j.change().orElseThrow() != Change.EXISTING).toList();
    }

    public int existing() {
      return classified.size() - shown().size();
    }

    /** The report of the new and worsened findings, with the count of the rest. */
    public Report report() {
      Report all = current.report();
      return new Report(
          all.version(),
          all.root(),
          shown(),
          all.rules(),
          all.files(),
          all.lines(),
          all.failOn(),
          all.sourceLines(),
          Optional.of(new Since(ref, commit.id(), existing())));
    }

    public boolean fails() {
      return report().fails();
    }
  }

  private final Audit audit;

  public SinceAudit(Audit audit) {
    this.audit = audit;
  }

  /**
   * @throws ConfigException for a folder outside git, an unknown REF, a shallow clone lacking it
   */
  public Result run(AuditRequest request, String ref) {
    AuditResult current = audit.run(request);
    try (GitRepository repo = GitRepository.open(current.root(), "--since")) {
      GitRepository.Commit commit = repo.resolve(ref);
      try (TreeFileSystem tree = repo.tree(commit)) {
        Path earlierRoot = repo.projectIn(tree);
        if (!Files.isDirectory(earlierRoot)) {
          // The project did not exist yet: everything is new.
          return classify(current, ref, commit, List.of(), null, Map.of());
        }
        List<dev.keel.finding.Finding> earlier;
        try {
          AuditResult then = audit.run(earlierRequest(request, current.root(), earlierRoot));
          earlier = then.findings().stream().map(JudgedFinding::finding).toList();
        } catch (ConfigException e) {
          if (!e.getMessage().startsWith("no Python files found")) {
            throw new ConfigException("at " + ref + ": " + e.getMessage());
          }
          earlier = List.of(); // no Python yet at REF: everything is new
        }
        Map<String, String> renames = repo.renamesSince(commit);
        earlier = withCoverageOfUnchangedFiles(current, earlier, earlierRoot);
        return classify(current, ref, commit, earlier, earlierRoot, renames);
      }
    } catch (HistoryException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * The earlier tree is audited without coverage data (the data describes the work tree), so the
   * findings drawn from it (TST006 to TST009) have no counterpart there: those in a file that did
   * not change since REF are the earlier tree's too, and stay existing; only those in changed files
   * are new.
   */
  private static List<dev.keel.finding.Finding> withCoverageOfUnchangedFiles(
      AuditResult current, List<dev.keel.finding.Finding> earlier, Path earlierRoot) {
    Set<String> fromData =
        current.rules().stream()
            .filter(d -> d.rule() instanceof ReadsCoverage && !d.code().equals("TST004"))
            .map(RuleDescriptor::code)
            .collect(Collectors.toSet());
    ConfinedReader now = new ConfinedReader(current.root(), ConfinedReader.DEFAULT_MAX_BYTES);
    ConfinedReader then = new ConfinedReader(earlierRoot, ConfinedReader.DEFAULT_MAX_BYTES);
    Map<String, Boolean> unchanged = new java.util.HashMap<>();
    List<dev.keel.finding.Finding> out = new java.util.ArrayList<>(earlier);
    for (JudgedFinding j : current.findings()) {
      dev.keel.finding.Finding f = j.finding();
      if (!fromData.contains(f.code())) {
        continue;
      }
      boolean same =
          unchanged.computeIfAbsent(
              f.path(),
              p -> {
                Optional<byte[]> a = bytes(now, current.root().resolve(p), p);
                Optional<byte[]> b = bytes(then, earlierRoot.resolve(p), p);
                return a.isPresent() && b.isPresent() && java.util.Arrays.equals(a.get(), b.get());
              });
      if (same) {
        out.add(f);
      }
    }
    return out;
  }

  private Result classify(
      AuditResult current,
      String ref,
      GitRepository.Commit commit,
      List<dev.keel.finding.Finding> earlier,
      Path earlierRoot,
      Map<String, String> renames) {
    Set<String> projectCodes =
        current.rules().stream()
            .filter(d -> d.scope() == Scope.PROJECT)
            .map(d -> d.code())
            .collect(Collectors.toSet());
    ConfinedReader now = new ConfinedReader(current.root(), ConfinedReader.DEFAULT_MAX_BYTES);
    NewCodeGate.Side currentSide =
        NewCodeGate.side(
            p -> bytes(now, current.root().resolve(p), p), current.sourceLines()::line);
    NewCodeGate.Side earlierSide;
    if (earlierRoot == null) {
      earlierSide = NewCodeGate.side(p -> Optional.empty(), (p, n) -> Optional.empty());
    } else {
      ConfinedReader then = new ConfinedReader(earlierRoot, ConfinedReader.DEFAULT_MAX_BYTES);
      FileTexts texts = new FileTexts(earlierRoot, then);
      earlierSide = NewCodeGate.side(p -> bytes(then, earlierRoot.resolve(p), p), texts::line);
    }
    List<JudgedFinding> classified =
        new NewCodeGate(projectCodes)
            .classify(current.findings(), currentSide, earlier, earlierSide, renames);
    return new Result(current, classified, ref, commit);
  }

  private static Optional<byte[]> bytes(ConfinedReader reader, Path file, String shown) {
    return reader.read(file, shown) instanceof ConfinedReader.Bytes b
        ? Optional.of(b.bytes())
        : Optional.empty();
  }

  /**
   * A past tree's audit uses the work tree's result cache: entries are keyed by each file's bytes
   * and path, so only the files that differ from what was analysed before cost an analysis.
   */
  static void shareCache(AuditRequest request, Path workRoot, AuditRequest.Builder b) {
    if (request.useCache()) {
      b.cache(Optional.of(request.cacheDir().orElse(workRoot.resolve(FileCache.DEFAULT_FOLDER))));
    }
  }

  /** The same audit at the revision: the whole project folder, the work tree's settings. */
  private static AuditRequest earlierRequest(AuditRequest request, Path root, Path earlierRoot) {
    AuditRequest.Builder b =
        AuditRequest.builder(List.of(earlierRoot))
            .select(request.select())
            .ignore(request.ignore())
            .withoutBaseline()
            .withoutCoverage()
            .threads(request.threads())
            .today(request.today());
    Optional<Path> config = request.configFile();
    if (config.isEmpty()) {
      KeelConfig here = ConfigLoader.forProject(root);
      config = here.origin();
    }
    config.ifPresent(b::configFile);
    shareCache(request, root, b);
    request.failOn().ifPresent(b::failOn);
    request.maxFileSize().ifPresent(b::maxFileSize);
    request.fileTimeout().ifPresent(b::fileTimeout);
    return b.build();
  }
}
