package dev.keel.rules.project;

import dev.keel.finding.Span;
import dev.keel.rule.ProjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Reading {@code pyproject.toml}: typed values and the span of the line that holds a key. */
final class Pyproject {
  static final String PATH = "pyproject.toml";

  private Pyproject() {}

  static Optional<String> string(TomlTable toml, String dottedKey) {
    return toml.get(dottedKey) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  static List<String> strings(TomlTable toml, String dottedKey) {
    List<String> out = new ArrayList<>();
    if (toml.get(dottedKey) instanceof TomlArray arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i) instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The line holding {@code dottedKey}, from the key to the end of the line's text. */
  static Optional<Span> spanOf(ProjectContext project, TomlParseResult toml, String dottedKey) {
    TomlPosition pos = toml.inputPositionOf(dottedKey);
    Optional<String> text = project.read(PATH);
    if (pos == null || text.isEmpty()) {
      return Optional.empty();
    }
    String[] lines = text.get().split("\r?\n", -1);
    if (pos.line() > lines.length) {
      return Optional.empty();
    }
    String line = lines[pos.line() - 1].stripTrailing();
    int column = Math.min(pos.column(), line.length() + 1);
    return Optional.of(
        new Span(pos.line(), column, pos.line(), Math.max(column, line.length() + 1)));
  }

  /** Every string anywhere under {@code dottedKey}: the commands of script and task tables. */
  static List<String> allStrings(TomlTable toml, String dottedKey) {
    List<String> out = new ArrayList<>();
    collect(toml.get(dottedKey), out);
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof TomlTable t) {
      for (String key : t.keySet()) {
        collect(t.get(List.of(key)), out);
      }
    } else if (value instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        collect(a.get(i), out);
      }
    }
  }
}
