package dev.keel.audit;

import dev.keel.ConfinedReader;
import dev.keel.judge.SourceText;
import dev.keel.notebook.CodeView;
import dev.keel.notebook.NotebookReader;
import dev.keel.report.SourceLines;
import dev.keel.rule.FileText;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lines of project files, read on demand and kept only for files that have findings; decoded by
 * {@link FileText}, as the parser decodes them.
 */
final class FileTexts implements SourceLines, SourceText {
  /**
   * A file's text with line breaks made {@code \n}, and where each line starts: the lines are cut
   * out when asked for, so the judge, which reads every file with findings, makes no string per
   * line.
   */
  private record Text(String text, int[] starts) {
    int count() {
      return starts.length;
    }

    String line(int n) {
      int start = starts[n - 1];
      int end = n < starts.length ? starts[n] - 1 : text.length();
      return text.substring(start, end);
    }
  }

  private static final Text EMPTY = new Text("", new int[] {0});

  private final Path root;
  private final ConfinedReader reader;
  private final Map<String, Text> texts = new ConcurrentHashMap<>();

  FileTexts(Path root, ConfinedReader reader) {
    this.root = root;
    this.reader = reader;
  }

  @Override
  public Optional<String> line(String path, int line) {
    Text t = read(path);
    return line >= 1 && line <= t.count() ? Optional.of(t.line(line)) : Optional.empty();
  }

  @Override
  public String text(String path) {
    return read(path).text();
  }

  @Override
  public Optional<String> fileText(String path) {
    return reader.read(root.resolve(path), path) instanceof ConfinedReader.Bytes b
        ? Optional.of(FileText.decode(path, b.bytes()))
        : Optional.empty();
  }

  private Text read(String path) {
    return texts.computeIfAbsent(
        path,
        p -> {
          // The same reader as every other read: a file Keel skipped shows no source lines.
          if (!(reader.read(root.resolve(p), p) instanceof ConfinedReader.Bytes b)) {
            return EMPTY;
          }
          if (p.endsWith(".ipynb")) {
            // A notebook's findings count lines of its code cells joined: those are its lines.
            return NotebookReader.read(b.bytes()) instanceof NotebookReader.Read r
                ? split(CodeView.of(r.notebook()).text())
                : EMPTY;
          }
          return split(FileText.decode(p, b.bytes()));
        });
  }

  /**
   * Splits at {@code \r\n}, {@code \r} and {@code \n}, by hand: the judge reads every file with
   * findings.
   */
  private static Text split(String text) {
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    int[] starts = new int[256];
    int n = 0;
    starts[n++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (n == starts.length) {
        starts = java.util.Arrays.copyOf(starts, n * 2);
      }
      starts[n++] = i + 1;
    }
    return new Text(text, java.util.Arrays.copyOf(starts, n));
  }
}
