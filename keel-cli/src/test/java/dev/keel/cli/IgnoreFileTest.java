package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .gitignore and exclude patterns from a pull request: read as git reads them, never a hang. */
class IgnoreFileTest {
  @TempDir Path tmp;

  private Path project() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("proj"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("good.py"), "import os\n");
    return root;
  }

  @Test
  void aGitignoreIsReadAsUtf8() throws IOException {
    Path root = project();
    Files.createDirectories(root.resolve("données"));
    Files.writeString(root.resolve("données/x.py"), "import os\n");
    Files.writeString(root.resolve(".gitignore"), "données/\n", StandardCharsets.UTF_8);
    Cli.Outcome o = Cli.run("check", "--no-color", root.toString());
    assertFalse(o.out().contains("données/x.py"), o.out());
    assertTrue(o.out().contains("good.py"), o.out());
  }

  @Test
  void invalidPatternsAreSkippedWithAWarningNamingFileAndLine() throws IOException {
    Path root = project();
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/z.py"), "import os\n");
    Files.writeString(root.resolve("sub/.gitignore"), "# bad ones\n[abc\n[!]\n[z-a]\n");
    Files.writeString(root.resolve("keel.toml"), "exclude = [\"[[:nope:]]\"]\n");
    Cli.Outcome o = Cli.run("check", "--no-color", root.toString());
    assertEquals(1, o.code(), o.err());
    assertEquals(
        "keel: warning: exclude of the configuration:1: pattern '[[:nope:]]' has an unknown"
            + " character class [:nope:]; git never matches it, so it is skipped\n"
            + "keel: warning: sub/.gitignore:2: pattern '[abc' has a [ without its closing ];"
            + " git never matches it, so it is skipped\n"
            + "keel: warning: sub/.gitignore:3: pattern '[!]' has a [ without its closing ];"
            + " git never matches it, so it is skipped\n",
        o.err());
    // [z-a] is valid to git (it matches "z" alone): sub/z.py is not ignored, and it is audited.
    assertTrue(o.out().contains("sub/z.py"), o.out());
  }

  @Test
  void pathologicalPatternsAnswerAtOnce() throws IOException {
    Path root = project();
    Path deep = root;
    for (int i = 0; i < 30; i++) {
      deep = deep.resolve("d");
    }
    Files.createDirectories(deep);
    Files.writeString(deep.resolve("a".repeat(40) + ".py"), "import os\n");
    Files.writeString(root.resolve("a".repeat(40)), "");
    Files.writeString(
        root.resolve(".gitignore"), "*a*a*a*a*a*a*a*a*a*a*a*a*b\n" + "**/".repeat(20) + "x\n");
    // Hang guard, not a benchmark: these took 21 s and more than 120 s.
    Cli.Outcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> Cli.run("check", "--no-color", root.toString()));
    assertTrue(o.out().contains("a".repeat(40) + ".py"), o.out());
    assertEquals("", o.err());
  }
}
