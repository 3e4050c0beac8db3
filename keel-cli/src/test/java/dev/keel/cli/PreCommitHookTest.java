package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keel's .pre-commit-hooks.yaml under the real pre-commit (Debian's): {@code pre-commit try-repo}
 * with this repository as the hook repository, and a {@code git commit} that the installed hook
 * stops on a new finding and lets through when the finding is gone. pre-commit clones this
 * repository and the launcher builds keel in the clone, as for a user; so this takes a minute or
 * two and is tagged slow.
 */
@Tag("slow")
class PreCommitHookTest {
  private static final Duration LIMIT = Duration.ofMinutes(10);

  @TempDir Path tmp;
  private Path keelRepo;
  private Path project;

  private static boolean has(String tool) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue(
        has("pre-commit"),
        "pre-commit is not installed (apt-get install pre-commit): the hook is not tried");
    Assumptions.assumeTrue(has("git"), "git is not installed: the hook is not tried");
    keelRepo = Path.of("..").toRealPath();
    Assumptions.assumeTrue(
        Files.isDirectory(keelRepo.resolve(".git"))
            || Files.isRegularFile(keelRepo.resolve(".git")),
        "keel's sources are not a git checkout: pre-commit cannot clone them");
    project = Cli.project("cycle", tmp);
    Files.writeString(project.resolve(".gitignore"), ".keel_cache/\n");
    // The debt already there is accepted: the hook fails only on new findings.
    Cli.Outcome baseline = Cli.run("baseline", project.toString());
    assertEquals(0, baseline.code(), baseline.err());
    sh(project, "git init -q && git add -A && git commit -q -m start");
  }

  /** Runs {@code script} in {@code dir} with sh, as a user with git set up and no PATH tricks. */
  private KeelProcess.Outcome sh(Path dir, String script) {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
    env.put("KEEL_STARTUP_CACHE", "off");
    env.put("GIT_AUTHOR_NAME", "Keel Test");
    env.put("GIT_AUTHOR_EMAIL", "test@keel.invalid");
    env.put("GIT_COMMITTER_NAME", "Keel Test");
    env.put("GIT_COMMITTER_EMAIL", "test@keel.invalid");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", tmp.resolve("gitconfig").toString());
    env.put("TERM", "dumb");
    return KeelProcess.run(pb, tmp, LIMIT);
  }

  private KeelProcess.Outcome ok(Path dir, String script) {
    KeelProcess.Outcome o = sh(dir, script);
    assertEquals(0, o.code(), script + "\n" + o.out() + o.err());
    return o;
  }

  @Test
  void tryRepoRunsTheHookOnTheFilesGiven() throws IOException {
    Files.writeString(
        project.resolve("app/d.py"), "def run(text: str) -> object:\n    return eval(text)\n");
    KeelProcess.Outcome o =
        sh(project, "pre-commit try-repo '" + keelRepo + "' keel --files app/d.py");
    assertEquals(1, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("app/d.py:2:12: SEC001"), o.out());
    assertTrue(o.out().contains("keel") && o.out().contains("Failed"), o.out());
    KeelProcess.Outcome clean =
        sh(project, "pre-commit try-repo '" + keelRepo + "' keel --files app/c.py");
    assertEquals(0, clean.code(), clean.out() + clean.err());
    assertTrue(clean.out().contains("Passed"), clean.out());
  }

  @Test
  void anInstalledHookStopsACommitWithANewFindingAndLetsAFixedOneThrough() throws IOException {
    // The hook repository as a user's config names it: a git URL (here a path) and a rev. A clone
    // of keel's sources with what is not committed yet, so the test tries this tree.
    Path hooks = tmp.resolve("keel-hooks");
    ok(
        keelRepo,
        "git clone -q . '"
            + hooks
            + "' && git diff HEAD --binary | (cd '"
            + hooks
            + "' && git apply --allow-empty && git add -A && git commit -q --allow-empty -m wip)");
    String rev = ok(hooks, "git rev-parse HEAD").out().strip();
    Files.writeString(
        project.resolve(".pre-commit-config.yaml"),
        "repos:\n  - repo: " + hooks + "\n    rev: " + rev + "\n    hooks:\n      - id: keel\n");
    ok(project, "git add .pre-commit-config.yaml && git commit -q -m hooks && pre-commit install");

    Files.writeString(
        project.resolve("app/d.py"), "def run(text: str) -> object:\n    return eval(text)\n");
    KeelProcess.Outcome stopped = sh(project, "git add app/d.py && git commit -m 'add d'");
    assertNotEquals(0, stopped.code(), "the hook stops the commit: " + stopped.out());
    String said = stopped.out() + stopped.err();
    assertTrue(said.contains("app/d.py:2:12: SEC001"), said);
    assertTrue(!said.contains("app/a.py"), "only the staged file's findings: " + said);
    assertEquals("2", ok(project, "git rev-list --count HEAD").out().strip(), "no commit made");

    Files.writeString(project.resolve("app/d.py"), "def run(text: str) -> str:\n    return text\n");
    KeelProcess.Outcome passed = sh(project, "git add app/d.py && git commit -m 'add d'");
    assertEquals(0, passed.code(), passed.out() + passed.err());
    assertTrue((passed.out() + passed.err()).contains("Passed"), passed.out() + passed.err());
    assertEquals("3", ok(project, "git rev-list --count HEAD").out().strip());

    // A commit of a file the project excludes runs the hook, which finds nothing to check.
    Files.writeString(project.resolve("migrations/m0002.py"), "import os\nX = os.environ['X']\n");
    ok(project, "git add migrations && git commit -q -m 'migration'");
    for (String line : List.of("4")) {
      assertEquals(line, ok(project, "git rev-list --count HEAD").out().strip());
    }
  }
}
