package dev.keel.audit;

import dev.keel.debt.DebtReport;
import dev.keel.history.Churn;
import dev.keel.history.GitRepository;
import dev.keel.history.HistoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How often each function changed in the last {@link #WINDOW_MONTHS} months of git history, as
 * {@code keel report}'s hotspots count it (commits whose diff hunks touch its lines), for TST008:
 * keyed by path and qualified name without {@code <locals>}. Empty without history.
 */
final class FunctionChurn {
  /** The window of {@code keel report}'s default. */
  static final int WINDOW_MONTHS = 12;

  private FunctionChurn() {}

  static Map<String, Integer> of(Path root) {
    Optional<GitRepository> git = ReportAudit.openQuietly(root);
    Map<String, Integer> out = new HashMap<>();
    if (git.isEmpty()) {
      return out;
    }
    try (GitRepository repo = git.get()) {
      Optional<GitRepository.Commit> head = ReportAudit.headOf(repo);
      if (head.isEmpty()) {
        return out;
      }
      Instant from =
          head.get().when().atZone(ZoneOffset.UTC).minusMonths(WINDOW_MONTHS).toInstant();
      List<Churn.CommitChange> changes = Churn.of(repo, from, ReportAudit.MAX_COMMITS);
      for (DebtReport.Activity a : ReportAudit.activity(repo, changes, root).functions()) {
        out.put(a.path() + "\0" + a.name(), a.changes());
      }
    } catch (HistoryException e) {
      return Map.of(); // unreadable history: no hotspot is known
    }
    return out;
  }
}
