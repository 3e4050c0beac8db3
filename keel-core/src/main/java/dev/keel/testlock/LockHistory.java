package dev.keel.testlock;

import dev.keel.config.ConfigException;
import dev.keel.history.GitRepository;
import dev.keel.history.HistoryException;
import dev.keel.history.TreeFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock as a past commit held it, read from git objects (no checkout), and which of its entries
 * changed since: for {@code keel tests verify --since REF}, so that a reviewer sees which tests a
 * change to the lock let through.
 */
public final class LockHistory {
  /**
   * One entry of the lock that differs between the two.
   *
   * @param path the test file, or the settings file
   * @param name the test or support entry (empty for a whole file), or the settings section
   * @param what {@code added}, {@code removed} or {@code changed}
   * @param detail for a test, its assertions and skips before and after when they differ
   */
  public record EntryChange(String path, String name, String what, String detail) {}

  /** The lock at {@code ref} and what changed in it since. */
  public record Range(String ref, String commit, boolean lockedThen, List<EntryChange> changes) {}

  private LockHistory() {}

  /**
   * The entries of the lock that differ between revision {@code ref} and {@code now}.
   *
   * @throws ConfigException for a revision git does not know, no repository, or a lock at {@code
   *     ref} this Keel cannot read
   */
  public static Range since(Path root, String ref, TestLock now) {
    try (GitRepository repo = GitRepository.open(root, "--since")) {
      GitRepository.Commit commit = repo.resolve(ref);
      Optional<TestLock> then;
      try (TreeFileSystem tree = repo.tree(commit)) {
        Path file = repo.projectIn(tree).resolve(LockFile.NAME);
        if (Files.isRegularFile(file)) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
          then = Optional.of(LockFile.parse(text, LockFile.NAME + " at " + ref));
        } else {
          then = Optional.empty();
        }
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read " + LockFile.NAME + " at " + ref + ": " + e.getMessage());
      }
      TestLock before = then.orElse(new TestLock(now.keelVersion(), Map.of(), Map.of()));
      return new Range(ref, commit.shortId(), then.isPresent(), between(before, now));
    } catch (HistoryException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The entries that differ from {@code before} to {@code after}, by path and name. */
  public static List<EntryChange> between(TestLock before, TestLock after) {
    List<EntryChange> out = new ArrayList<>();
    java.util.TreeSet<String> paths = new java.util.TreeSet<>(before.files().keySet());
    paths.addAll(after.files().keySet());
    for (String path : paths) {
      TestLock.TestFile was = before.files().get(path);
      TestLock.TestFile is = after.files().get(path);
      if (was == null || is == null) {
        out.add(
            new EntryChange(
                path,
                "",
                was == null ? "added" : "removed",
                (was == null ? is : was).tests().size() + " tests"));
        continue;
      }
      if (!Objects.equals(was.unparsed(), is.unparsed())) {
        out.add(new EntryChange(path, "", "changed", "the file's text (it does not parse)"));
      }
      java.util.TreeSet<String> names = new java.util.TreeSet<>(was.tests().keySet());
      names.addAll(is.tests().keySet());
      for (String name : names) {
        TestLock.Test a = was.tests().get(name);
        TestLock.Test b = is.tests().get(name);
        if (a == null || b == null) {
          out.add(new EntryChange(path, name, a == null ? "added" : "removed", ""));
        } else if (!a.hash().equals(b.hash())
            || a.assertions() != b.assertions()
            || a.mockAssertions() != b.mockAssertions()
            || a.skips() != b.skips()) {
          List<String> detail = new ArrayList<>();
          if (a.assertions() != b.assertions()) {
            detail.add("assertions " + a.assertions() + " → " + b.assertions());
          }
          if (a.mockAssertions() != b.mockAssertions()) {
            detail.add("mock assertions " + a.mockAssertions() + " → " + b.mockAssertions());
          }
          if (a.skips() != b.skips()) {
            detail.add("skips " + a.skips() + " → " + b.skips());
          }
          out.add(new EntryChange(path, name, "changed", String.join(", ", detail)));
        }
      }
      java.util.TreeSet<String> support = new java.util.TreeSet<>(was.support().keySet());
      support.addAll(is.support().keySet());
      for (String name : support) {
        TestLock.Support a = was.support().get(name);
        TestLock.Support b = is.support().get(name);
        if (a == null || b == null) {
          out.add(
              new EntryChange(
                  path, name, a == null ? "added" : "removed", (a == null ? b : a).kind()));
        } else if (!a.hash().equals(b.hash())) {
          out.add(new EntryChange(path, name, "changed", a.kind()));
        }
      }
    }
    java.util.TreeSet<String> sections = new java.util.TreeSet<>(before.settings().keySet());
    sections.addAll(after.settings().keySet());
    for (String s : sections) {
      String a = before.settings().get(s);
      String b = after.settings().get(s);
      if (!Objects.equals(a, b)) {
        out.add(
            new EntryChange(
                s, "", a == null ? "added" : b == null ? "removed" : "changed", "settings"));
      }
    }
    return out;
  }
}
