package dev.keel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keel's ignore matching against git's own: for every pattern, a repository with that one line in
 * its {@code .gitignore} and a fixed tree of files and folders, and the set of paths {@code git
 * check-ignore} reports must be the set Keel ignores (a path is ignored when it or a folder above
 * it matches, as the walk skips ignored folders). Skipped, saying so, when git is not installed.
 */
@Tag("differential")
class GitCheckIgnoreDifferentialTest {
  private static final Optional<String> GIT = PythonTools.tool("git");

  private static final List<String> PATTERNS =
      List.of(
          "*.py",
          "a",
          "a/",
          "/a",
          "a/b",
          "a/*",
          "a/**",
          "a/**/c.py",
          "**/b",
          "**/b/",
          "**/c.py",
          "**",
          "/**",
          "**/",
          "**/*",
          "*",
          "*/",
          "*/b",
          "a*",
          "*a*",
          "a**b",
          "**a",
          "a/**b",
          "x**/c.py",
          "?.py",
          "??",
          "a?b",
          "[ab]",
          "[!a]",
          "[^a]",
          "[a-c].py",
          "[z-a]",
          "[]]",
          "[]a]",
          "[!]a]",
          "[a-]",
          "[-a]",
          "[[:alpha:]].py",
          "[[:digit:]]*",
          "[[:upper:]]*",
          "[[:bogus:]]",
          "[[:alpha:]",
          "[!]",
          "[abc",
          "foo[",
          "\\*",
          "\\[ab]",
          "a\\/b",
          "\\!important",
          "\\#hash",
          "x ",
          "x\\ ",
          "trailing\\",
          "donn\u00e9es/",
          "donn?es",
          "donn??es",
          "*\u00e9*",
          "b/c.py",
          "/b/c.py",
          "a/b/",
          "a/b/c",
          "a/*/c.py",
          "a/*/*",
          "*/*/c.py",
          "**/a/**",
          "a/**/",
          "a/**/**/c.py",
          "**/**/c.py",
          "*.[pP][yY]",
          "*a*a*a*a*b",
          "a?",
          "!a",
          "#a",
          "/",
          "a//b",
          "[a/b]",
          "a[/]b",
          "*/",
          "?/",
          "b/**/",
          "[[]",
          "[\\]]",
          "[a\\-c]",
          "[\\!a]",
          "ab[c-",
          "*~",
          ".*");

  private static final List<String> FILES =
      List.of(
          "aab",
          "axb",
          "a.py",
          "b.py",
          "c.PY",
          "Z",
          "z",
          "]",
          "-",
          "!important",
          "#hash",
          "*",
          "[ab]",
          "x",
          "x ",
          "trailing",
          "x~",
          ".hidden",
          "aaaaab",
          "dir/a",
          "dir/ab",
          "dir/b",
          "dir/sub/c.py",
          "b/c.py",
          "b/b",
          "y/c.py",
          "xy/c.py",
          "donn\u00e9es/x.py",
          "donnees/x.py",
          "\u00e9t\u00e9.py",
          "1.py");

  private static final List<String> FOLDERS =
      List.of("a/b/c", "a/x/c", "a/x/y/c", "aa/b", "a/bb", "ab/c");

  @Test
  void keelIgnoresExactlyWhatGitIgnores(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(GIT.isPresent(), PythonTools.missing("git") + ": comparison not run");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    List<String> paths = new ArrayList<>();
    Set<String> folders = new TreeSet<>();
    for (String f : FOLDERS) {
      Files.createDirectories(repo.resolve(f));
      Files.writeString(repo.resolve(f).resolve("c.py"), "");
      paths.add(f + "/c.py");
    }
    for (String f : FILES) {
      Path p = repo.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "");
      paths.add(f);
    }
    for (String p : paths) {
      for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
        folders.add(p.substring(0, i));
      }
    }
    List<String> all = new ArrayList<>(new TreeSet<>(paths));
    all.addAll(folders);
    List<String> mismatches = new ArrayList<>();
    int patternsThatIgnore = 0;
    for (String pattern : PATTERNS) {
      Files.writeString(repo.resolve(".gitignore"), pattern + "\n", StandardCharsets.UTF_8);
      Set<String> byGit = checkIgnore(repo, all);
      patternsThatIgnore += byGit.isEmpty() ? 0 : 1;
      IgnoreRules rules = IgnoreRules.parse("", List.of(pattern), ".gitignore", new ArrayList<>());
      Set<String> byKeel = new TreeSet<>();
      for (String p : all) {
        if (ignored(rules, p, folders.contains(p))) {
          byKeel.add(p);
        }
      }
      if (!byGit.equals(byKeel)) {
        Set<String> onlyGit = new TreeSet<>(byGit);
        onlyGit.removeAll(byKeel);
        Set<String> onlyKeel = new TreeSet<>(byKeel);
        onlyKeel.removeAll(byGit);
        mismatches.add(
            "pattern '" + pattern + "': only git " + onlyGit + ", only Keel " + onlyKeel);
      }
    }
    assertEquals(List.of(), mismatches, String.join("\n", mismatches));
    // A comparison of empty sets proves nothing: most patterns must ignore something.
    org.junit.jupiter.api.Assertions.assertTrue(
        patternsThatIgnore > PATTERNS.size() / 2,
        "only " + patternsThatIgnore + " patterns matched");
  }

  /** Ignored as the walk decides: the path, or any folder above it. */
  private static boolean ignored(IgnoreRules rules, String path, boolean folder) {
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (Boolean.TRUE.equals(rules.verdict(path.substring(0, i), true))) {
        return true;
      }
    }
    return Boolean.TRUE.equals(rules.verdict(path, folder));
  }

  private static Set<String> checkIgnore(Path repo, List<String> paths) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            GIT.orElseThrow(),
            "-c",
            "core.quotePath=false",
            "check-ignore",
            "--no-index",
            "--stdin",
            "-z");
    pb.directory(repo.toFile());
    pb.redirectErrorStream(false);
    Process p = pb.start();
    StringBuilder in = new StringBuilder();
    for (String s : paths) {
      in.append(s).append('\0');
    }
    p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("git check-ignore did not finish");
    }
    Set<String> ignored = new TreeSet<>();
    for (String s : new String(out, StandardCharsets.UTF_8).split("\0")) {
      if (!s.isEmpty()) {
        ignored.add(s);
      }
    }
    return ignored;
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(GIT.orElseThrow()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor());
  }
}
