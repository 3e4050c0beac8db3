package dev.keel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.Version;
import dev.keel.config.ConfigException;
import dev.keel.history.GitRepository;
import dev.keel.history.HistoryException;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.report.Escape;
import dev.keel.testlock.LockDiff;
import dev.keel.testlock.LockFile;
import dev.keel.testlock.LockHistory;
import dev.keel.testlock.SuiteScanner;
import dev.keel.testlock.TestLock;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel tests lock|verify}: a test suite that only people change. */
@Command(
    name = "tests",
    mixinStandardHelpOptions = true,
    description = {
      "Lock the test suite (keel tests lock) and check it against the lock (keel tests verify).",
      "The lock, keel-tests.lock at the project root, is meant to be changed by people only."
    },
    subcommands = {TestsCommand.Lock.class, TestsCommand.Verify.class})
final class TestsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The output formats of {@code keel tests verify}. */
  enum TestsFormat {
    TEXT,
    JSON
  }

  private static Project discover(Path path) {
    return ProjectDiscovery.discover(
        List.of(path == null ? Path.of(".") : path), Optional.empty(), c -> c);
  }

  @Command(
      name = "lock",
      mixinStandardHelpOptions = true,
      description = {
        "Write keel-tests.lock at the project root: each test's normalised syntax tree (hashed),",
        "assertions and skips, the code around the tests, the pytest and coverage settings.",
        "Prints the CODEOWNERS line that protects it."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the lock was written", "2:usage or configuration error"})
  static final class Lock implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "PATH",
        arity = "0..1",
        description = "The project folder (default: the current folder).")
    Path path;

    @Override
    public Integer call() {
      Project project = discover(path);
      // A lock that cannot be read is not overwritten: a newer Keel's lock, or one a person is
      // editing, is theirs to fix.
      Optional<TestLock> before = LockFile.read(project.root());
      TestLock now = SuiteScanner.scan(project);
      LockFile.write(project.root(), now);
      PrintWriter out = spec.commandLine().getOut();
      int changed = before.map(b -> LockHistory.between(b, now).size()).orElse(-1);
      out.println(
          "keel: locked "
              + now.testCount()
              + (now.testCount() == 1 ? " test" : " tests")
              + " in "
              + now.files().size()
              + (now.files().size() == 1 ? " file" : " files")
              + " and "
              + now.settings().size()
              + " settings "
              + (now.settings().size() == 1 ? "section" : "sections")
              + " into "
              + Escape.text(project.root().resolve(LockFile.NAME).toString())
              + (changed < 0
                  ? ""
                  : changed == 0
                      ? " (no entry changed)"
                      : " (" + changed + (changed == 1 ? " entry" : " entries") + " changed)"));
      out.println(
          "keel: protect it so that only people change it; add this line to CODEOWNERS"
              + " (.github/CODEOWNERS), with your team:");
      out.println(codeownersPath(project.root()) + " @your-org/test-owners");
      out.flush();
      return ExitCode.CLEAN;
    }

    /** The lock's path from the top of the git work tree, as CODEOWNERS names files. */
    private static String codeownersPath(Path root) {
      String prefix = "";
      try (GitRepository repo = GitRepository.open(root, "keel tests lock")) {
        prefix = repo.projectPrefix();
      } catch (HistoryException e) {
        // Not a git repository (yet): the lock sits at the top.
      }
      return "/" + (prefix.isEmpty() ? "" : prefix + "/") + LockFile.NAME;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Compare the test suite with keel-tests.lock: fail on each locked test that changed,",
        "disappeared or was weakened (fewer assertions, a mock-only assertion instead of a",
        "real one, a new skip or xfail), a deleted test file, changed fixtures, conftest.py or",
        "pytest/coverage settings. New tests are reported; they fail with [tool.keel]",
        "tests-lock-new = \"fail\"."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the suite matches the lock (new tests aside)",
        "1:a locked test changed, disappeared or was weakened",
        "2:usage or configuration error: no lock, a lock that cannot be read"
      })
  static final class Verify implements Callable<Integer> {
    private static final ObjectMapper JSON =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "PATH",
        arity = "0..1",
        description = "The project folder (default: the current folder).")
    Path path;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    TestsFormat format = TestsFormat.TEXT;

    @Option(
        names = "--since",
        paramLabel = "REF",
        description =
            "Also list the lock entries that changed since git revision REF (a branch, tag, sha),"
                + " read from git objects: the tests a change to the lock let through.")
    String since;

    @Override
    public Integer call() {
      Project project = discover(path);
      Path root = project.root();
      TestLock locked =
          LockFile.read(root)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "no "
                              + LockFile.NAME
                              + " at "
                              + root
                              + ": write it with keel tests lock (and have a person commit it)"));
      TestLock now = SuiteScanner.scan(project);
      List<LockDiff.Change> changes =
          LockDiff.compare(locked, now, project.config().newTestsFail());
      Optional<LockHistory.Range> range =
          since == null ? Optional.empty() : Optional.of(LockHistory.since(root, since, locked));
      boolean fails = changes.stream().anyMatch(LockDiff.Change::fails);
      PrintWriter out = spec.commandLine().getOut();
      if (format == TestsFormat.JSON) {
        json(root, locked, changes, range, out);
      } else {
        text(locked, changes, range, out);
      }
      out.flush();
      return fails ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private static void text(
        TestLock locked,
        List<LockDiff.Change> changes,
        Optional<LockHistory.Range> range,
        PrintWriter out) {
      long failing = changes.stream().filter(LockDiff.Change::fails).count();
      long fresh = changes.stream().filter(c -> c.kind() == LockDiff.Kind.NEW).count();
      for (LockDiff.Change c : changes) {
        String where =
            Escape.text(c.path())
                + (c.span() == null ? "" : ":" + c.span().line() + ":" + c.span().column());
        out.println(
            where + ": " + (c.fails() ? "TST010 [error] " : "[new] ") + Escape.text(c.message()));
      }
      range.ifPresent(
          r -> {
            out.println(
                "keel: the lock since "
                    + Escape.text(r.ref())
                    + " ("
                    + r.commit()
                    + "): "
                    + (r.lockedThen() ? "" : "no lock then; ")
                    + (r.changes().isEmpty()
                        ? "no entry changed"
                        : r.changes().size()
                            + (r.changes().size() == 1 ? " entry changed" : " entries changed")));
            for (LockHistory.EntryChange e : r.changes()) {
              out.println(
                  "  "
                      + e.what()
                      + " "
                      + Escape.text(e.path())
                      + (e.name().isEmpty() ? "" : " " + Escape.text(e.name()))
                      + (e.detail().isEmpty() ? "" : " (" + Escape.text(e.detail()) + ")"));
            }
          });
      out.println(
          "keel: "
              + (failing == 0
                  ? "the suite matches the lock"
                  : failing + (failing == 1 ? " change fails" : " changes fail") + " the lock")
              + " ("
              + locked.testCount()
              + " locked tests in "
              + locked.files().size()
              + " files"
              + (fresh == 0 ? "" : "; " + fresh + " new " + (fresh == 1 ? "test" : "tests"))
              + ")");
    }

    private static void json(
        Path root,
        TestLock locked,
        List<LockDiff.Change> changes,
        Optional<LockHistory.Range> range,
        PrintWriter out) {
      ObjectNode doc = JSON.createObjectNode();
      doc.put("version", Version.current());
      doc.put("root", root.toString());
      ArrayNode findings = doc.putArray("findings");
      ArrayNode fresh = doc.putArray("new_tests");
      for (LockDiff.Change c : changes) {
        ObjectNode n = c.fails() ? findings.addObject() : fresh.addObject();
        if (c.fails()) {
          n.put("code", "TST010");
          n.put("severity", "error");
        }
        n.put("kind", c.kind().label());
        n.put("message", c.message());
        n.put("path", c.path());
        n.put("test", c.name());
        if (c.span() == null) {
          n.putNull("line");
          n.putNull("column");
          n.putNull("end_line");
          n.putNull("end_column");
        } else {
          n.put("line", c.span().line());
          n.put("column", c.span().column());
          n.put("end_line", c.span().endLine());
          n.put("end_column", c.span().endColumn());
        }
        if (c.fails()) {
          n.put("effort_minutes", 15);
          n.put("fingerprint", fingerprint(c));
          n.put("baselined", false);
        }
      }
      range.ifPresent(
          r -> {
            ObjectNode s = doc.putObject("since");
            s.put("ref", r.ref());
            s.put("commit", r.commit());
            s.put("locked_then", r.lockedThen());
            ArrayNode list = s.putArray("lock_changes");
            for (LockHistory.EntryChange e : r.changes()) {
              ObjectNode n = list.addObject();
              n.put("change", e.what());
              n.put("path", e.path());
              n.put("name", e.name());
              n.put("detail", e.detail());
            }
          });
      ObjectNode summary = doc.putObject("summary");
      summary.put("files", locked.files().size());
      summary.put("tests", locked.testCount());
      summary.put("findings", findings.size());
      summary.put("new_tests", fresh.size());
      summary.put("debt_minutes", 15 * findings.size());
      try {
        out.println(JSON.writeValueAsString(doc));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String fingerprint(LockDiff.Change c) {
      try {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(
            ("TST010\0" + c.path() + "\0" + c.name() + "\0" + c.kind().label())
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest(), 0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
