package dev.keel.testlock;

import dev.keel.finding.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed between the lock and the suite now: each locked test that changed, disappeared or
 * was weakened, each test file deleted, each piece of code around the tests and each settings
 * section that changed, and each new test.
 */
public final class LockDiff {
  /** What happened. */
  public enum Kind {
    /** Fewer assertions, an assertion replaced by a mock-only one, or a new skip or xfail. */
    WEAKENED("weakened"),
    /** Its syntax tree differs from the lock. */
    CHANGED("changed"),
    /** No longer in its file. */
    DISAPPEARED("disappeared"),
    /** A locked test file is gone. */
    FILE_DELETED("file deleted"),
    /** A locked test file no longer parses, or one that did not parse changed. */
    UNREADABLE("unreadable"),
    /** A fixture, helper, hook, class body or module-level code of a test file changed. */
    SUPPORT_CHANGED("support changed"),
    /** A pytest or coverage settings section changed, appeared or went away. */
    SETTINGS_CHANGED("settings changed"),
    /** A test that is not in the lock. */
    NEW("new");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One change.
   *
   * @param path the file it is in (a settings section: its file), relative to the root
   * @param name the test's qualified name, the support entry's name, or the settings section; empty
   *     for a whole file
   * @param message what happened, in a sentence
   * @param span where it is now; null when it is gone or is about a whole file
   * @param fails whether it fails {@code keel tests verify} and TST010
   */
  public record Change(
      Kind kind, String path, String name, String message, Span span, boolean fails) {}

  private LockDiff() {}

  /**
   * The changes from {@code locked} to {@code now}, by path and name.
   *
   * @param newTestsFail whether a test that is not in the lock fails ({@code [tool.keel]
   *     tests-lock-new = "fail"})
   */
  public static List<Change> compare(TestLock locked, TestLock now, boolean newTestsFail) {
    List<Change> out = new ArrayList<>();
    for (Map.Entry<String, TestLock.TestFile> e : locked.files().entrySet()) {
      String path = e.getKey();
      TestLock.TestFile was = e.getValue();
      TestLock.TestFile is = now.files().get(path);
      if (is == null) {
        out.add(
            new Change(
                Kind.FILE_DELETED,
                path,
                "",
                "locked test file "
                    + path
                    + " was deleted"
                    + (was.tests().isEmpty() ? "" : " with its " + names(was.tests().keySet())),
                null,
                true));
        continue;
      }
      file(path, was, is, newTestsFail, out);
    }
    for (Map.Entry<String, TestLock.TestFile> e : now.files().entrySet()) {
      if (locked.files().containsKey(e.getKey())) {
        continue;
      }
      String path = e.getKey();
      TestLock.TestFile is = e.getValue();
      boolean conftest = path.equals("conftest.py") || path.endsWith("/conftest.py");
      if (conftest) {
        out.add(
            new Change(
                Kind.SUPPORT_CHANGED,
                path,
                "",
                "new "
                    + path
                    + " is not in the lock: its fixtures and hooks change what the locked tests"
                    + " do",
                null,
                true));
      }
      for (Map.Entry<String, TestLock.Test> t : is.tests().entrySet()) {
        out.add(newTest(path, t.getKey(), t.getValue(), newTestsFail));
      }
      if (!conftest) {
        for (Map.Entry<String, TestLock.Support> s : is.support().entrySet()) {
          if (s.getValue().actsOnExistingTests()) {
            out.add(addedSupport(path, s.getKey(), s.getValue()));
          }
        }
      }
    }
    settings(locked.settings(), now.settings(), out);
    out.sort(
        java.util.Comparator.comparing(Change::path)
            .thenComparingInt(c -> c.span() == null ? 0 : c.span().line())
            .thenComparing(Change::name));
    return out;
  }

  private static void file(
      String path,
      TestLock.TestFile was,
      TestLock.TestFile is,
      boolean newTestsFail,
      List<Change> out) {
    if (was.unparsed() != null || is.unparsed() != null) {
      if (is.unparsed() == null || !is.unparsed().equals(was.unparsed())) {
        out.add(
            new Change(
                Kind.UNREADABLE,
                path,
                "",
                is.unparsed() != null
                    ? "locked test file " + path + " does not parse: its tests cannot be compared"
                    : "locked test file "
                        + path
                        + " did not parse when it was locked and has changed: lock it again",
                null,
                true));
      }
      return;
    }
    for (Map.Entry<String, TestLock.Test> t : was.tests().entrySet()) {
      String name = t.getKey();
      TestLock.Test before = t.getValue();
      TestLock.Test after = is.tests().get(name);
      if (after == null) {
        out.add(
            new Change(
                Kind.DISAPPEARED,
                path,
                name,
                "locked test '" + name + "' disappeared from " + path,
                null,
                true));
        continue;
      }
      List<String> weaker = new ArrayList<>();
      if (after.skips() > before.skips()) {
        weaker.add(
            after.skips() - before.skips() == 1
                ? "a new skip or xfail"
                : (after.skips() - before.skips()) + " new skips or xfails");
      }
      if (after.assertions() < before.assertions()) {
        weaker.add("fewer assertions (" + before.assertions() + " → " + after.assertions() + ")");
      } else if (after.assertions() - after.mockAssertions()
          < before.assertions() - before.mockAssertions()) {
        int lost =
            (before.assertions() - before.mockAssertions())
                - (after.assertions() - after.mockAssertions());
        weaker.add(
            (lost == 1
                    ? "an assertion replaced by a mock-only one"
                    : lost + " assertions replaced by mock-only ones")
                + " (assertions on results "
                + (before.assertions() - before.mockAssertions())
                + " → "
                + (after.assertions() - after.mockAssertions())
                + ")");
      }
      if (!weaker.isEmpty()) {
        out.add(
            new Change(
                Kind.WEAKENED,
                path,
                name,
                "locked test '" + name + "' was weakened: " + String.join("; ", weaker),
                after.span(),
                true));
      } else if (!after.hash().equals(before.hash())) {
        out.add(
            new Change(
                Kind.CHANGED,
                path,
                name,
                "locked test '"
                    + name
                    + "' changed: its code differs from the lock (formatting and comments aside)",
                after.span(),
                true));
      }
    }
    for (Map.Entry<String, TestLock.Test> t : is.tests().entrySet()) {
      if (!was.tests().containsKey(t.getKey())) {
        out.add(newTest(path, t.getKey(), t.getValue(), newTestsFail));
      }
    }
    for (Map.Entry<String, TestLock.Support> s : was.support().entrySet()) {
      TestLock.Support after = is.support().get(s.getKey());
      String what = describe(path, s.getKey(), s.getValue().kind());
      if (after == null) {
        out.add(
            new Change(
                Kind.SUPPORT_CHANGED,
                path,
                s.getKey(),
                what + " was removed; the locked tests may depend on it",
                null,
                true));
      } else if (!after.hash().equals(s.getValue().hash())) {
        out.add(
            new Change(
                Kind.SUPPORT_CHANGED,
                path,
                s.getKey(),
                what + " changed: it decides what the locked tests do",
                s.getKey().equals(TestLock.MODULE) ? null : after.span(),
                true));
      }
    }
    for (Map.Entry<String, TestLock.Support> s : is.support().entrySet()) {
      if (!was.support().containsKey(s.getKey()) && s.getValue().actsOnExistingTests()) {
        out.add(addedSupport(path, s.getKey(), s.getValue()));
      }
    }
  }

  private static Change addedSupport(String path, String name, TestLock.Support s) {
    return new Change(
        Kind.SUPPORT_CHANGED,
        path,
        name,
        "new "
            + describe(path, name, s.kind())
            + " is not in the lock: it acts on every test it reaches, locked ones too",
        s.span(),
        true);
  }

  private static Change newTest(String path, String name, TestLock.Test t, boolean fails) {
    return new Change(
        Kind.NEW,
        path,
        name,
        "new test '"
            + name
            + "' is not in the lock"
            + (fails
                ? " ([tool.keel] tests-lock-new = \"fail\"): a person adds it with keel tests lock"
                : ""),
        t.span(),
        fails);
  }

  private static String describe(String path, String name, String kind) {
    if (name.equals(TestLock.MODULE)) {
      return "the module-level code of " + path;
    }
    return kind + " '" + name + "'";
  }

  private static void settings(Map<String, String> was, Map<String, String> is, List<Change> out) {
    for (Map.Entry<String, String> e : was.entrySet()) {
      String now = is.get(e.getKey());
      if (now == null) {
        out.add(settingsChange(e.getKey(), "was removed"));
      } else if (!now.equals(e.getValue())) {
        out.add(settingsChange(e.getKey(), "changed"));
      }
    }
    for (String key : is.keySet()) {
      if (!was.containsKey(key)) {
        out.add(settingsChange(key, "was added"));
      }
    }
  }

  private static Change settingsChange(String section, String what) {
    String file = section.contains(" [") ? section.substring(0, section.indexOf(" [")) : section;
    String name = section.substring(file.length()).strip();
    return new Change(
        Kind.SETTINGS_CHANGED,
        file,
        name,
        "test settings "
            + (name.isEmpty() ? "" : name + " of ")
            + file
            + " "
            + what
            + " since the lock: they decide which tests run and what they mean",
        null,
        true);
  }

  private static String names(java.util.Set<String> tests) {
    List<String> all = new ArrayList<>(tests);
    int shown = Math.min(all.size(), 8);
    String list = String.join(", ", all.subList(0, shown));
    return (all.size() == 1 ? "locked test " : all.size() + " locked tests: ")
        + list
        + (all.size() > shown ? " and " + (all.size() - shown) + " more" : "");
  }
}
