package dev.keel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A git repository a test writes its history into: files written, moved and deleted in the work
 * tree, then committed with fixed dates (one day apart from 2024-01-01), so every run makes the
 * same history.
 */
final class ScriptedRepo implements AutoCloseable {
  final Path dir;
  private final Git git;
  private Instant clock = Instant.parse("2024-01-01T10:00:00Z");

  private ScriptedRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  static ScriptedRepo init(Path dir) {
    try {
      Files.createDirectories(dir);
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
      return new ScriptedRepo(dir, git);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  ScriptedRepo write(String path, String text) {
    try {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String path) {
    try {
      return Files.readString(dir.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ScriptedRepo move(String from, String to) {
    try {
      Path t = dir.resolve(to);
      Files.createDirectories(t.getParent());
      Files.move(dir.resolve(from), t);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ScriptedRepo delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits everything in the work tree (additions, edits, deletions); returns the sha. */
  String commit(String message) {
    return commit(message, "Ada Lovelace");
  }

  String commit(String message, String author) {
    try {
      git.add().addFilepattern(".").call();
      git.add().setUpdate(true).addFilepattern(".").call();
      PersonIdent who =
          new PersonIdent(
              author,
              author.toLowerCase().replace(' ', '.') + "@example.com",
              Date.from(clock),
              TimeZone.getTimeZone("UTC"));
      clock = clock.plus(Duration.ofDays(1));
      return git.commit()
          .setMessage(message)
          .setAuthor(who)
          .setCommitter(who)
          .setSign(false)
          .call()
          .getName();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A shallow clone of this repository with only the last {@code depth} commits. */
  Path shallowClone(Path into, int depth) {
    try (Git clone =
        Git.cloneRepository()
            .setURI(dir.toUri().toString())
            .setDirectory(into.toFile())
            .setDepth(depth)
            .call()) {
      return into;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
