package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive that {@code ./mvnw package} builds (keel-cli/target/keel-VERSION.tar.gz and
 * .zip), used as a person installs it: unpacked into a folder whose path has spaces, made
 * read-only, the launcher linked onto PATH, run by a user who cannot write the install (as root,
 * the test runs keel as nobody; otherwise the folder is chmod -w). Runs after package (failsafe).
 */
class ReleaseArchiveIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @TempDir Path tmp;
  private Path archive;

  /** What a run printed. */
  record Run(int code, String out, String err) {}

  @BeforeEach
  void findArchive() throws IOException {
    archive = Path.of(System.getProperty("keel.archive", "target/keel-archive-not-set"));
    assertTrue(
        Files.isRegularFile(Path.of(archive + ".tar.gz")),
        archive + ".tar.gz is missing: ./mvnw package builds it");
    // @TempDir is private to this user; nobody must be able to reach the folders below it.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void theTarballRunsReadOnlyThroughALinkOnPathAndWritesNothingIntoTheInstall() throws Exception {
    Path install = Files.createDirectories(tmp.resolve("Program Files/keel tools"));
    run(List.of("tar", "-xzf", archive + ".tar.gz", "-C", install.toString()), Map.of());
    Path home = only(install);
    assertEquals(
        List.of("LICENSE", "README.md", "keel", "keel.cmd", "lib/find-jdk.sh", "lib/keel.jar"),
        List.copyOf(snapshot(home).keySet()));
    assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
    assertTrue(Files.isExecutable(home.resolve("keel")));
    run(List.of("chmod", "-R", "a-w", install.toString()), Map.of());
    Map<String, String> before = snapshot(install);

    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("keel"), home.resolve("keel"));
    Path project = Cli.project("legacy", tmp.resolve("work"));
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    run(
        List.of("chmod", "-R", "a+rwX", tmp.resolve("work").toString(), cache.toString()),
        Map.of());
    Map<String, String> env =
        Map.of(
            "PATH", bin + ":/usr/bin:/bin",
            "JAVA_HOME", System.getProperty("java.home"),
            "HOME", tmp.resolve("no home").toString(),
            "XDG_CACHE_HOME", cache.toString());

    Run cannotWrite = asUser(List.of("sh", "-c", "touch \"$0/x\"", home.toString()), env);
    assertNotEquals(0, cannotWrite.code(), "the user running keel must not be able to write there");

    List<String> check = List.of("keel", "check", "--format", "json", project.toString());
    Run first = asUser(check, env);
    assertEquals(1, first.code(), first.err());
    // The first run's standard output is exactly the report (the start-up cache's recording run
    // prints nothing there).
    JsonNode report = JSON.readTree(first.out());
    assertTrue(report.get("findings").size() >= 10, first.out());
    assertEquals(project.toRealPath().toString(), report.get("root").asText());
    assertFalse(first.err().contains("AOT"), first.err());

    waitForStartupCache(cache);
    Run second = asUser(check, env);
    assertEquals(
        first.out(), second.out(), "the second run, with the start-up cache, prints the same");
    assertEquals(before, snapshot(install), "nothing written into the install");
  }

  @Test
  void theZipHoldsTheSameFilesWithWindowsLineEndingsForKeelCmd() throws Exception {
    Path install = Files.createDirectories(tmp.resolve("with spaces"));
    run(List.of("unzip", "-q", archive + ".zip", "-d", install.toString()), Map.of());
    Path home = only(install);
    assertEquals(
        List.of("LICENSE", "README.md", "keel", "keel.cmd", "lib/find-jdk.sh", "lib/keel.jar"),
        List.copyOf(snapshot(home).keySet()));
    String cmd = Files.readString(home.resolve("keel.cmd"));
    assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "CRLF only");
    assertTrue(cmd.contains("%~dp0lib\\keel.jar"), cmd);
    Run version =
        run(
            List.of(home.resolve("keel").toString(), "version"),
            Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "XDG_CACHE_HOME", tmp.resolve("cache").toString()));
    assertEquals(0, version.code(), version.err());
    assertTrue(version.out().strip().matches("keel \\S+|\\S+"), version.out());
  }

  private static Path only(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> l = s.toList();
      assertEquals(1, l.size(), l.toString());
      return l.get(0);
    }
  }

  /** Every file and folder below {@code dir}: its size, time and permissions. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p)) {
          m.put(
              dir.relativize(p).toString(),
              Files.size(p)
                  + " "
                  + Files.getLastModifiedTime(p)
                  + " "
                  + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        }
      }
    }
    return m;
  }

  /** The launcher builds the AOT cache (JDK 24+) or class-data archive in the background. */
  private static void waitForStartupCache(Path cache) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end) {
      try (Stream<Path> s = Files.walk(cache)) {
        if (s.anyMatch(p -> p.toString().endsWith(".aot") || p.toString().endsWith(".jsa"))) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no start-up cache under " + cache);
  }

  private static Run asUser(List<String> command, Map<String, String> env) throws Exception {
    List<String> c = new ArrayList<>();
    if (ROOT) {
      c.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
    }
    c.addAll(command);
    return run(c, env);
  }

  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (!env.isEmpty()) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    Path out = Files.createTempFile("keel-it", ".out");
    Path err = Files.createTempFile("keel-it", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
      Run r =
          new Run(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      if (env.isEmpty() && r.code() != 0) {
        throw new AssertionError(command + " exited " + r.code() + ": " + r.err());
      }
      return r;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
