package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request chooses the names Keel opens: links out of the project, FIFOs, sockets, devices,
 * huge files, dangling links, link cycles. None of them is read, none blocks, none aborts the run;
 * each is one finding (SYN002, SYN003) naming the file, never its target's contents.
 */
class HostileFilesTest {
  private static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "junit");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path project() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("proj"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("good.py"), "import os\n\n\ndef f(a):\n    return a\n");
    return root;
  }

  /** The findings of a JSON run, as "CODE path" to message. */
  private static Map<String, String> findings(String json) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : JSON.readTree(json).get("findings")) {
      out.put(f.get("code").asText() + " " + f.get("path").asText(), f.get("message").asText());
    }
    return out;
  }

  private static void mkfifo(Path at) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor());
  }

  @Test
  @Tag("slow")
  void noByteOfASecretOutsideTheProjectReachesAnyOutput() throws Exception {
    String token = "KEEL_LEAK_" + UUID.randomUUID().toString().replace("-", "");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("secret"), "TOKEN=" + token + "\n");
    Path folder = Files.createDirectories(outside.resolve("lib"));
    Files.writeString(folder.resolve("leak.py"), "x = '" + token + "'\n");
    Path root = project();
    List<String> links =
        List.of(
            "env.py",
            ".env",
            "requirements.txt",
            "requirements-dev.txt",
            "pyproject.toml",
            ".gitignore",
            "setup.cfg",
            "keel.toml");
    for (String name : links) {
      Files.createSymbolicLink(root.resolve(name), secret);
    }
    Files.createSymbolicLink(root.resolve("vendor"), folder);
    Files.createSymbolicLink(root.resolve("proc.py"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(root.resolve(".env.local"), Path.of("/proc/self/environ"));
    for (String format : FORMATS) {
      // A real process, with the token in its own environment: /proc/self/environ holds it.
      ProcessBuilder pb =
          new ProcessBuilder(KeelProcess.command(List.of(), "check", "--format", format, "."));
      pb.directory(root.toFile());
      pb.environment().put("FAKE_TOKEN", token);
      KeelProcess.Outcome o = KeelProcess.run(pb, tmp, Duration.ofSeconds(60));
      assertFalse(o.out().contains(token), format + " output leaks the secret:\n" + o.out());
      assertFalse(o.err().contains(token), format + " stderr leaks the secret:\n" + o.err());
      assertFalse(o.out().contains("KEEL_LEAK_"), format);
      assertEquals(1, o.code(), format + ": " + o.err());
      if (format.equals("json")) {
        Map<String, String> f = findings(o.out());
        for (String name : links) {
          assertEquals(
              name + " is a symbolic link to a location outside the project; Keel does not read it",
              f.get("SYN002 " + name),
              f.toString());
        }
        assertEquals(
            "vendor is a symbolic link to a folder outside the project; Keel does not read it",
            f.get("SYN002 vendor"));
        assertEquals(
            "proc.py is a symbolic link to a system location (/proc); Keel does not read it",
            f.get("SYN002 proc.py"));
        assertTrue(f.containsKey("SYN002 .env.local"), f.toString());
        // The rest of the project is audited as usual.
        assertTrue(f.containsKey("NAM001 good.py"), f.toString());
      }
    }
  }

  @Test
  void fifosSocketsDevicesAndDanglingLinksAreFindingsNotHangsOrAborts() throws Exception {
    Path root = project();
    for (String name : List.of("y.py", ".gitignore", "requirements.txt", ".env")) {
      mkfifo(root.resolve(name));
    }
    Files.createSymbolicLink(root.resolve("zero.py"), Path.of("/dev/zero"));
    Files.createSymbolicLink(root.resolve("setup.cfg"), Path.of("/dev/urandom"));
    Files.createSymbolicLink(root.resolve("b.py"), root.resolve("missing.py"));
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(root.resolve("s.py")));
      // Hang guard, not a benchmark: each of these used to block, fill memory or abort the run.
      Cli.Outcome o =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60), () -> Cli.run("check", "--format", "json", root.toString()));
      assertEquals(1, o.code(), o.err());
      Map<String, String> f = findings(o.out());
      assertEquals(
          "y.py is a FIFO, not a regular file; Keel does not read it", f.get("SYN002 y.py"));
      for (String name : List.of(".gitignore", "requirements.txt", ".env")) {
        assertEquals(
            name + " is a FIFO, not a regular file; Keel does not read it",
            f.get("SYN002 " + name));
      }
      assertEquals(
          "s.py is a socket, not a regular file; Keel does not read it", f.get("SYN002 s.py"));
      assertEquals(
          "zero.py is a symbolic link to a system location (/dev); Keel does not read it",
          f.get("SYN002 zero.py"));
      assertTrue(f.containsKey("SYN002 setup.cfg"), f.toString());
      assertEquals(
          "b.py is a symbolic link to a file that does not exist; Keel skips it",
          f.get("SYN002 b.py"));
      assertTrue(f.containsKey("NAM001 good.py"), f.toString());
      // A file that was not read was not judged: no other rule speaks about it (a FIFO named
      // .gitignore is not "no .gitignore", one named .env is not a committed .env).
      for (String key : f.keySet()) {
        String path = key.substring(key.indexOf(' ') + 1);
        if (List.of(".gitignore", "requirements.txt", ".env", "setup.cfg").contains(path)) {
          assertTrue(key.startsWith("SYN002 "), key + " in " + f);
        }
      }
      assertEquals("", o.err());
    }
  }

  @Test
  void aFileLargerThanMaxFileSizeIsOneFindingAndTheLimitIsConfigurable() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("big.py"), "x = 1\n".repeat(400)); // 2,400 bytes
    Cli.Outcome o = Cli.run("check", "--format", "json", "--max-file-size", "2KB", root.toString());
    Map<String, String> f = findings(o.out());
    assertEquals(
        "big.py is 2.3 KB, more than max-file-size (2 KB); Keel skipped it",
        f.get("SYN003 big.py"),
        o.err());
    assertEquals(
        List.of(),
        f.keySet().stream().filter(k -> k.endsWith(" big.py") && !k.startsWith("SYN003")).toList());

    Cli.Outcome bytes =
        Cli.run("check", "--format", "json", "--max-file-size", "3000", root.toString());
    assertFalse(findings(bytes.out()).containsKey("SYN003 big.py"), bytes.out());

    Files.writeString(root.resolve("keel.toml"), "max-file-size = \"1KB\"\n");
    Cli.Outcome configured = Cli.run("check", "--format", "json", root.toString());
    assertEquals(
        "big.py is 2.3 KB, more than max-file-size (1 KB); Keel skipped it",
        findings(configured.out()).get("SYN003 big.py"),
        configured.err());
    Files.writeString(root.resolve("keel.toml"), "max-file-size = 2000\n");
    assertTrue(
        findings(Cli.run("check", "--format", "json", root.toString()).out())
            .containsKey("SYN003 big.py"));

    Cli.Outcome bad = Cli.run("check", "--max-file-size", "ten", root.toString());
    assertEquals(2, bad.code());
    assertEquals(
        "keel: --max-file-size must be a positive size such as 10MB, 512KB or a number of bytes,"
            + " not 'ten'\n",
        bad.err());
    Files.writeString(root.resolve("keel.toml"), "max-file-size = -1\n");
    Cli.Outcome badConfig = Cli.run("check", root.toString());
    assertEquals(2, badConfig.code());
    assertTrue(badConfig.err().contains("max-file-size of "), badConfig.err());
    assertEquals(1, badConfig.err().lines().count(), badConfig.err());
  }

  @Test
  void aRootGivenThroughALinkIsFollowedAndLinkCyclesDoNotLoop() throws Exception {
    Path root = project();
    Files.createDirectories(root.resolve("pkg/sub"));
    Files.writeString(root.resolve("pkg/__init__.py"), "");
    Files.writeString(root.resolve("pkg/sub/m.py"), "import sys\n");
    Files.createSymbolicLink(root.resolve("pkg/sub/up"), Path.of(".."));
    Files.createSymbolicLink(root.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(root.resolve("pkg/again"), root.resolve("pkg"));
    Path link = Files.createSymbolicLink(tmp.resolve("via-link"), root);
    Cli.Outcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> Cli.run("check", "--format", "json", link.toString()));
    JsonNode json = JSON.readTree(o.out());
    assertEquals(root.toRealPath().toString(), json.get("root").asText());
    assertEquals(3, json.get("summary").get("files").asInt(), o.out());
    Map<String, String> f = findings(o.out());
    assertTrue(f.containsKey("NAM001 pkg/sub/m.py"), f.toString());
    // Links inside the project are not followed, so no file is audited twice.
    assertFalse(f.keySet().stream().anyMatch(k -> k.contains("loop/") || k.contains("again/")));
    assertEquals("", o.err());
  }

  @Test
  void anUnreadableFolderIsAWarningNamingIt() throws IOException {
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "running as root: every folder is readable, so this cannot be shown here");
    Path root = project();
    Path locked = Files.createDirectories(root.resolve("locked"));
    Files.writeString(locked.resolve("x.py"), "import os\n");
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    try {
      Cli.Outcome o = Cli.run("check", "--format", "json", root.toString());
      assertEquals(
          "keel: warning: cannot read folder locked/ (permission denied); the files in it are not"
              + " audited\n",
          o.err());
      assertTrue(findings(o.out()).containsKey("NAM001 good.py"));
    } finally {
      Files.setPosixFilePermissions(
          locked,
          java.util.Set.of(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
              java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
    }
  }

  @Test
  void aPathLongerThanPathMaxIsAWarningNotSilentlyDropped() throws Exception {
    Path root = project();
    // Built with relative steps by a shell: the absolute path is too long for one system call.
    String segment = "d".repeat(200);
    String script =
        "cd \"$1\" && for i in $(seq 1 24); do mkdir "
            + segment
            + " && cd -P "
            + segment
            + "; done && echo 'import os' > deep.py";
    Process p = new ProcessBuilder("sh", "-c", script, "sh", root.toString()).inheritIO().start();
    try {
      assertEquals(0, p.waitFor());
      Cli.Outcome o = Cli.run("check", "--format", "json", root.toString());
      assertTrue(findings(o.out()).containsKey("NAM001 good.py"), o.out());
      assertEquals(1, o.err().lines().count(), o.err());
      assertTrue(o.err().startsWith("keel: warning: cannot read "), o.err());
      assertTrue(o.err().contains(segment + "/"), o.err());
      assertTrue(o.err().contains("not audited"), o.err());
    } finally {
      // rm copes with a path longer than PATH_MAX; the temporary folder's own clean-up may not.
      new ProcessBuilder("rm", "-rf", root.resolve(segment).toString()).start().waitFor();
    }
  }

  @Test
  @Tag("slow")
  void tooFewFileDescriptorsNeverReadFewerFilesSilently() throws Exception {
    Path root = project();
    for (int i = 0; i < 300; i++) {
      Files.writeString(root.resolve("m" + i + ".py"), "import os\n");
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            KeelProcess.underUlimit(
                "-n 96",
                KeelProcess.command(
                    List.of(), "check", "--format", "json", "--threads", "8", ".")));
    pb.directory(root.toFile());
    KeelProcess.Outcome o = KeelProcess.run(pb, tmp, Duration.ofSeconds(120));
    if (o.code() == 2) {
      // The JVM could not even start its work with so few descriptors: one line says so.
      assertEquals(1, o.err().strip().lines().count(), o.err());
      return;
    }
    Map<String, String> f = findings(o.out());
    long audited = JSON.readTree(o.out()).get("summary").get("files").asLong();
    long skipped = f.keySet().stream().filter(k -> k.startsWith("SYN002 m")).count();
    long judged = f.keySet().stream().filter(k -> k.startsWith("NAM001 m")).count();
    // Every file is either audited or named as skipped.
    assertEquals(301, judged + skipped + 1, o.out());
    assertEquals(301, audited + skipped, o.out());
  }

  @Test
  void keelBaselineKeepsTheEntriesOfFilesItSkipped() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("a.py"), "import sys\n");
    Cli.Outcome first = Cli.run("baseline", root.toString());
    assertEquals(0, first.code(), first.err());
    Path baseline = root.resolve(".keel-baseline.json");
    String before = Files.readString(baseline);
    assertTrue(before.contains("\"a.py\""), before);
    // a.py becomes too large to read: nothing is known about it, so its entries stay.
    Files.writeString(root.resolve("a.py"), "import sys\n" + "x = 1\n".repeat(200));
    Cli.Outcome second = Cli.run("baseline", "--max-file-size", "512", root.toString());
    assertEquals(0, second.code(), second.err());
    String after = Files.readString(baseline);
    for (JsonNode e : JSON.readTree(before).get("findings")) {
      assertTrue(after.contains(e.get("fingerprint").asText()), "entry lost: " + e);
    }
    // The same for a file replaced by a link out of the project.
    Files.delete(root.resolve("a.py"));
    Files.createSymbolicLink(
        root.resolve("a.py"), Files.writeString(tmp.resolve("elsewhere.py"), "import sys\n"));
    Cli.Outcome third = Cli.run("baseline", root.toString());
    assertEquals(0, third.code(), third.err());
    String last = Files.readString(baseline);
    for (JsonNode e : JSON.readTree(before).get("findings")) {
      assertTrue(last.contains(e.get("fingerprint").asText()), "entry lost: " + e);
    }
    // Once a.py is back and fixed, its entries go as usual.
    Files.delete(root.resolve("a.py"));
    Files.writeString(root.resolve("a.py"), "x = 1\n");
    Cli.run("baseline", root.toString());
    assertFalse(Files.readString(baseline).contains("`sys` imported but unused"));
  }

  @Test
  void astAndMetricsUseTheSameRulesForLinksAndSizes() throws Exception {
    Path root = project();
    Path secret = Files.writeString(tmp.resolve("secret.py"), "TOKEN = 'hunter2'\n");
    Path link = Files.createSymbolicLink(root.resolve("link.py"), secret);
    Path proc = Files.createSymbolicLink(root.resolve("proc.py"), Path.of("/proc/self/environ"));
    Cli.Outcome ast = Cli.run("ast", link.toString());
    assertEquals(2, ast.code());
    assertEquals("", ast.out());
    assertEquals(
        "keel: "
            + link
            + " is a symbolic link to a location outside the project; Keel does not read it\n",
        ast.err());
    Cli.Outcome astProc = Cli.run("ast", proc.toString());
    assertEquals(2, astProc.code());
    assertFalse(astProc.out().contains("PATH="), astProc.out());
    Path big = Files.writeString(root.resolve("big.py"), "x = 1\n".repeat(400));
    Cli.Outcome astBig = Cli.run("ast", "--max-file-size", "1KB", big.toString());
    assertEquals(2, astBig.code());
    assertEquals(
        "keel: " + big + " is 2.3 KB, more than max-file-size (1 KB); Keel skipped it\n",
        astBig.err());
    assertEquals(0, Cli.run("ast", big.toString()).code());

    Cli.Outcome metrics = Cli.run("metrics", "--max-file-size", "1KB", root.toString());
    assertEquals(0, metrics.code(), metrics.err());
    assertFalse(metrics.out().contains("hunter2"));
    List<String> lines = new ArrayList<>(metrics.err().lines().toList());
    assertEquals(
        List.of(
            "keel: big.py is 2.3 KB, more than max-file-size (1 KB); Keel skipped it",
            "keel: link.py is a symbolic link to a location outside the project; Keel does not"
                + " read it",
            "keel: proc.py is a symbolic link to a system location (/proc); Keel does not read it"),
        lines);
    assertTrue(metrics.out().contains("good.py:4"), metrics.out());
  }

  @Test
  void theSecretIsNotReadThroughALinkedBaselineEither() throws IOException {
    Path root = project();
    Path secret =
        Files.writeString(tmp.resolve("id_rsa"), "-----BEGIN KEY-----\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(root.resolve(".keel-baseline.json"), secret);
    Cli.Outcome o = Cli.run("check", root.toString());
    assertEquals(2, o.code(), o.out());
    assertFalse(o.err().contains("BEGIN"), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().contains("is a symbolic link to a location outside the project"), o.err());
  }
}
