package dev.keel.audit;

import dev.keel.ConfinedReader;
import dev.keel.judge.SourceText;
import dev.keel.notebook.CodeView;
import dev.keel.notebook.NotebookReader;
import dev.keel.report.SourceLines;
import dev.keel.rule.FileText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lines of project files, read on demand and kept only for files that have findings; decoded by
 * {@link FileText}, as the parser decodes them.
 */
final class FileTexts implements SourceLines, SourceText {
  /** A file's text with line breaks made {@code \n}, and its lines. */
  private record Text(String text, List<String> lines) {}

  private static final Text EMPTY = new Text("", List.of(""));

  private final Path root;
  private final ConfinedReader reader;
  private final Map<String, Text> texts = new ConcurrentHashMap<>();

  FileTexts(Path root, ConfinedReader reader) {
    this.root = root;
    this.reader = reader;
  }

  @Override
  public Optional<String> line(String path, int line) {
    List<String> ls = lines(path);
    return line >= 1 && line <= ls.size() ? Optional.of(ls.get(line - 1)) : Optional.empty();
  }

  @Override
  public String text(String path) {
    return read(path).text();
  }

  List<String> lines(String path) {
    return read(path).lines();
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
    List<String> lines = new ArrayList<>();
    int start = 0;
    boolean crs = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r') {
          crs = true;
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return new Text(crs ? String.join("\n", lines) : text, List.copyOf(lines));
  }
}
