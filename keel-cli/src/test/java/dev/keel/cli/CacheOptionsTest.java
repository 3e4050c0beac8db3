package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where keel check keeps its result cache, and that it changes nothing it prints. */
class CacheOptionsTest {
  @TempDir Path tmp;

  @AfterEach
  void realEnvironment() {
    AuditOptions.environment = System::getenv;
  }

  private static long entries(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().length() == 2)
          .count();
    }
  }

  private static Cli.Outcome check(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--format";
    all[2] = "json";
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void byDefaultTheCacheIsAtTheProjectRootAndIgnoredByGit() throws IOException {
    AuditOptions.environment = name -> null;
    Path p = Cli.project("tidy", tmp);
    Cli.Outcome first = check(p.toString());
    Path cache = p.resolve(".keel_cache");
    assertTrue(entries(cache) > 0, "entries written");
    assertEquals("*", Files.readAllLines(cache.resolve(".gitignore")).getLast());
    Cli.Outcome second = check(p.toString());
    assertEquals(first, second);
    Cli.Outcome verbose = Cli.run("check", "--verbose", p.toString());
    assertTrue(verbose.err().contains(" 0 misses"), verbose.err());
  }

  @Test
  void noCacheReadsAndWritesNothing() throws IOException {
    AuditOptions.environment = name -> null;
    Path p = Cli.project("tidy", tmp);
    Cli.Outcome plain = check("--no-cache", p.toString());
    assertFalse(Files.exists(p.resolve(".keel_cache")));
    check(p.toString());
    Cli.Outcome again = check("--no-cache", "--verbose", p.toString());
    assertEquals(plain.out(), again.out());
    assertFalse(again.err().contains("cache"), again.err());
  }

  @Test
  void cacheDirAndTheEnvironmentNameAnotherFolder() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Path named = tmp.resolve("named");
    Path fromEnv = tmp.resolve("env");
    AuditOptions.environment = name -> name.equals("KEEL_CACHE_DIR") ? fromEnv.toString() : null;
    Cli.Outcome a = check(p.toString());
    assertTrue(entries(fromEnv) > 0);
    Cli.Outcome b = check("--cache-dir", named.toString(), p.toString());
    assertTrue(entries(named) > 0, "--cache-dir wins over KEEL_CACHE_DIR");
    assertFalse(Files.exists(p.resolve(".keel_cache")));
    assertEquals(a, b);
  }

  @Test
  void aCacheFolderThatCannotBeUsedIsNoError() throws IOException {
    AuditOptions.environment = name -> null;
    Path p = Cli.project("tidy", tmp);
    Cli.Outcome plain = check("--no-cache", p.toString());
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    assertEquals(plain, check("--cache-dir", file.toString(), p.toString()));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(p.resolve(".keel_cache"), elsewhere);
    assertEquals(plain, check(p.toString()));
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count(), "a committed link is not followed");
    }
  }
}
