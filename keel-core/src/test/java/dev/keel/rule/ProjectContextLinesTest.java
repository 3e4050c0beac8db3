package dev.keel.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lines project rules show: the same as splitting the file's text at {@code \r\n}, {@code \r}
 * and {@code \n}, line by line, for every kind of line end, an empty file and lines past the end.
 */
class ProjectContextLinesTest {
  @TempDir Path tmp;

  @Test
  void linesAreWhatSplittingTheTextGives() throws IOException {
    List<String> texts =
        List.of(
            "",
            "x = 1",
            "x = 1\n",
            "a\r\nbb\rccc\n\ndddd",
            "\r\n\r\n",
            "\r\r\n\n\r",
            "tab\tline\nü = 'é'\r\nlast");
    Files.createDirectories(tmp.resolve(".git"));
    for (int i = 0; i < texts.size(); i++) {
      Files.writeString(tmp.resolve("m" + i + ".py"), texts.get(i));
    }
    Project project = ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
    ProjectContext context = new ProjectContext(project, LocalDate.of(2026, 12, 3));
    for (int i = 0; i < texts.size(); i++) {
      String path = "m" + i + ".py";
      String[] expected = texts.get(i).split("\r\n|\r|\n", -1);
      for (int line = 1; line <= expected.length; line++) {
        assertEquals(
            Optional.of(expected[line - 1]),
            context.sourceLine(path, line),
            path + ":" + line + " of " + Arrays.toString(expected));
        assertEquals(
            expected[line - 1].length(), context.lineLength(path, line), path + ":" + line);
      }
      assertEquals(Optional.empty(), context.sourceLine(path, expected.length + 1));
      assertEquals(Optional.empty(), context.sourceLine(path, 0));
      assertEquals(1, context.lineLength(path, expected.length + 1));
    }
    assertEquals(Optional.empty(), context.sourceLine("missing.py", 1));
    assertEquals(1, context.lineLength("missing.py", 1));
  }
}
