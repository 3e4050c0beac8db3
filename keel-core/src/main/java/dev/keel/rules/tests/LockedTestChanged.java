package dev.keel.rules.tests;

import dev.keel.finding.Severity;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.testlock.LockDiff;
import dev.keel.testlock.LockFile;
import dev.keel.testlock.SuiteScanner;
import dev.keel.testlock.TestLock;
import java.util.List;
import java.util.Optional;

/**
 * Compares the suite with {@code keel-tests.lock} when the project has one, as {@code keel tests
 * verify} does: the test files are parsed again here (only when a lock exists), since the lock
 * hashes whole syntax trees, which the module summaries do not keep.
 */
@RuleSpec(
    code = "TST010",
    summary = "a locked test changed, disappeared or was weakened since keel-tests.lock",
    severity = Severity.ERROR,
    effortMinutes = 15,
    needs = Needs.FILES)
final class LockedTestChanged implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    Optional<TestLock> locked = LockFile.read(project.root());
    if (locked.isEmpty()) {
      return;
    }
    List<String> tests =
        project.files(f -> f.kind() == FileKind.TEST).stream().map(ProjectFile::path).toList();
    TestLock now = SuiteScanner.scan(tests, project::read);
    for (LockDiff.Change c : LockDiff.compare(locked.get(), now, project.config().newTestsFail())) {
      if (!c.fails()) {
        continue;
      }
      String path = c.path();
      if (c.span() != null) {
        out.report(path, c.span(), c.message());
      } else if (project.exists(path)) {
        out.report(path, c.message());
      } else {
        // A deleted file: the finding points at the lock, which names it.
        out.report(LockFile.NAME, c.message());
      }
    }
  }
}
