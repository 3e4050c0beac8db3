package dev.keel.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Lines of project files, read on demand and kept only for files that have findings. */
final class FileTexts implements SourceLines {
  private final Path root;
  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

  FileTexts(Path root) {
    this.root = root;
  }

  @Override
  public Optional<String> line(String path, int line) {
    List<String> ls = lines(path);
    return line >= 1 && line <= ls.size() ? Optional.of(ls.get(line - 1)) : Optional.empty();
  }

  String text(String path) {
    return String.join("\n", lines(path));
  }

  List<String> lines(String path) {
    return lines.computeIfAbsent(
        path,
        p -> {
          try {
            String text = new String(Files.readAllBytes(root.resolve(p)), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
              text = text.substring(1);
            }
            return List.of(text.split("\r\n|\r|\n", -1));
          } catch (IOException e) {
            return List.of();
          }
        });
  }
}
