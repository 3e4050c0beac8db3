package dev.keel.cli;

import static dev.keel.cli.BadInputTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel init writes pyproject.toml only inside the project, atomically, keeping its mode. */
class InitCommandTest {
  @TempDir Path tmp;

  private Path project() throws IOException {
    Path p = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(p.resolve("a.py"), "x = 1\n");
    return p;
  }

  @Test
  void aPyprojectLinkedOutOfTheProjectIsNeitherReadNorReplaced() throws IOException {
    Path p = project();
    // Not TOML: had init read it, the error would be a TOML error quoting it.
    Path outside = Files.writeString(tmp.resolve("id_rsa"), "-----BEGIN KEY-----\nsecret\n");
    Files.createSymbolicLink(p.resolve("pyproject.toml"), outside);
    Cli.Outcome o = Cli.run("init", p.toString());
    assertUsageError(
        o,
        "cannot write "
            + p.resolve("pyproject.toml")
            + ": it is a symbolic link to "
            + outside.toRealPath()
            + "; Keel does not replace files outside the project");
    assertTrue(!o.err().contains("secret") && !o.err().contains("BEGIN"), o.err());
    assertEquals("-----BEGIN KEY-----\nsecret\n", Files.readString(outside));
  }

  @Test
  void aPyprojectLinkedInsideTheProjectIsWrittenThroughWithItsMode() throws IOException {
    Path p = project();
    Path real = Files.createDirectories(p.resolve("config")).resolve("pyproject.toml");
    Files.writeString(real, "[project]\nname = \"demo\"\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Files.createSymbolicLink(p.resolve("pyproject.toml"), Path.of("config/pyproject.toml"));
    Cli.Outcome o = Cli.run("init", p.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(Files.isSymbolicLink(p.resolve("pyproject.toml")), "the link stays");
    String text = Files.readString(real);
    assertTrue(text.startsWith("[project]\nname = \"demo\"\n\n[tool.keel]\n"), text);
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
  }

  @Test
  void aPyprojectThatIsAFolderIsAnError() throws IOException {
    Path p = project();
    Files.createDirectory(p.resolve("pyproject.toml"));
    assertUsageError(
        Cli.run("init", p.toString()), p.resolve("pyproject.toml") + " is a folder, not a file");
  }
}
