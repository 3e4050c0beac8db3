package dev.keel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.audit.AuditResult;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A commit's tree read from git objects is audited exactly as its checkout is: the same findings,
 * in the same order, with the same fingerprints, for fixture projects of every family.
 */
class TreeFileSystemTest {
  @TempDir Path tmp;

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static List<String> shown(AuditResult r) {
    return r.findings().stream().map(TreeFileSystemTest::line).toList();
  }

  private static String line(JudgedFinding j) {
    return j.finding().path()
        + ":"
        + j.finding().line()
        + " "
        + j.finding().code()
        + " "
        + j.finding().message()
        + " "
        + j.fingerprint();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"arc/cycle", "arc/layered", "cfg/spread", "dep/drift", "prj/poetry", "tst"})
  void aCommittedProjectAuditsTheSameFromGitObjects(String fixture) throws Exception {
    Path work = tmp.resolve("work");
    copy(Path.of("src/test/resources/projects", fixture), work);
    try (Git git = Git.init().setDirectory(work.toFile()).call()) {
      git.add().addFilepattern(".").call();
      PersonIdent who =
          new PersonIdent(
              "T", "t@example.com", new Date(1_700_000_000_000L), TimeZone.getTimeZone("UTC"));
      git.commit().setMessage("fixture").setAuthor(who).setCommitter(who).setSign(false).call();
    }
    AuditResult fromDisk =
        new Audit().run(AuditRequest.builder(List.of(work)).today(TODAY).withoutBaseline().build());
    try (GitRepository repo = GitRepository.open(work, "test");
        TreeFileSystem tree = repo.tree(repo.resolve("HEAD"))) {
      Path root = repo.projectIn(tree);
      AuditResult fromGit =
          new Audit()
              .run(AuditRequest.builder(List.of(root)).today(TODAY).withoutBaseline().build());
      assertEquals(shown(fromDisk), shown(fromGit));
      assertEquals(fromDisk.files(), fromGit.files());
      assertEquals(fromDisk.lines(), fromGit.lines());
    }
  }

  @org.junit.jupiter.api.Test
  void theTreeIsReadOnlyAndFollowsLinksInsideIt() throws Exception {
    Path work = tmp.resolve("links");
    Files.createDirectories(work.resolve("pkg"));
    Files.writeString(work.resolve("pkg/real.py"), "x = 1\n");
    Files.createSymbolicLink(work.resolve("pkg/alias.py"), Path.of("real.py"));
    Files.createSymbolicLink(work.resolve("out.py"), Path.of("/etc/passwd"));
    try (Git git = Git.init().setDirectory(work.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("links").setSign(false).call();
    }
    try (GitRepository repo = GitRepository.open(work, "test");
        TreeFileSystem tree = repo.tree(repo.resolve("HEAD"))) {
      Path root = tree.root();
      Path alias = root.resolve("pkg/alias.py");
      assertTrue(Files.isSymbolicLink(alias));
      assertEquals("x = 1\n", new String(Files.readAllBytes(alias), StandardCharsets.UTF_8));
      assertEquals(root.resolve("pkg/real.py"), alias.toRealPath());
      assertFalse(Files.exists(root.resolve("out.py")), "a link out of the tree leads nowhere");
      assertTrue(Files.exists(root.resolve("out.py"), LinkOption.NOFOLLOW_LINKS));
      assertThrows(
          AccessDeniedException.class, () -> Files.writeString(root.resolve("new.py"), "y"));
      assertThrows(AccessDeniedException.class, () -> Files.delete(root.resolve("pkg/real.py")));
      try (Stream<Path> listed = Files.list(root.resolve("pkg"))) {
        assertEquals(
            List.of("/pkg/alias.py", "/pkg/real.py"), listed.map(Path::toString).sorted().toList());
      }
    }
  }
}
