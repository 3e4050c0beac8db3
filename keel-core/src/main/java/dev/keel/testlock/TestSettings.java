package dev.keel.testlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The pytest and coverage settings that decide what the tests mean ({@code addopts = -k "not slow"}
 * deselects tests, {@code omit} hides code from coverage), each section hashed after normalisation:
 * TOML tables by their values, INI sections by their keys and values, so comments, blank lines, key
 * order and spacing do not count.
 */
final class TestSettings {
  private TestSettings() {}

  /** The INI files pytest and coverage.py read, and which of their sections they read. */
  private record Ini(String file, List<String> sections, List<String> prefixes) {}

  private static final List<Ini> INI_FILES =
      List.of(
          new Ini("pytest.ini", List.of("pytest"), List.of()),
          new Ini(".pytest.ini", List.of("pytest"), List.of()),
          new Ini("tox.ini", List.of("pytest"), List.of("coverage:")),
          new Ini("setup.cfg", List.of("tool:pytest"), List.of("coverage:")),
          // .coveragerc: every section is coverage's
          new Ini(".coveragerc", List.of(), List.of("")));

  private static final List<String> PYPROJECT_TABLES =
      List.of("tool.pytest.ini_options", "tool.pytest", "tool.coverage");

  /** Each section found, by where it is, with its hash. */
  static Map<String, String> read(Function<String, Optional<String>> read) {
    Map<String, String> out = new TreeMap<>();
    read.apply("pyproject.toml")
        .ifPresent(
            text -> {
              TomlParseResult toml = Toml.parse(text);
              if (toml.hasErrors()) {
                out.put("pyproject.toml", TreeHash.ofText(text));
                return;
              }
              for (String table : PYPROJECT_TABLES) {
                Object t = toml.get(table);
                boolean onlyIniOptions =
                    table.equals("tool.pytest")
                        && t instanceof TomlTable tt
                        && tt.keySet().stream().allMatch(k -> k.equals("ini_options"));
                if (t != null && !onlyIniOptions) {
                  StringBuilder sb = new StringBuilder();
                  canonical(t, table.equals("tool.pytest") ? "ini_options" : null, sb);
                  out.put("pyproject.toml [" + table + "]", TreeHash.ofText(sb.toString()));
                }
              }
            });
    for (Ini ini : INI_FILES) {
      read.apply(ini.file())
          .ifPresent(
              text -> {
                for (Map.Entry<String, String> s : sections(text).entrySet()) {
                  String name = s.getKey();
                  boolean wanted =
                      ini.sections().contains(name)
                          || ini.prefixes().stream().anyMatch(name::startsWith);
                  if (wanted) {
                    out.put(ini.file() + " [" + name + "]", TreeHash.ofText(s.getValue()));
                  }
                }
              });
    }
    return out;
  }

  /** A TOML value as text with its keys sorted; {@code skip} leaves one key of a table out. */
  private static void canonical(Object v, String skip, StringBuilder sb) {
    switch (v) {
      case TomlTable t -> {
        sb.append('{');
        for (String k : new java.util.TreeSet<>(t.keySet())) {
          if (k.equals(skip)) {
            continue; // [tool.pytest.ini_options] is its own entry
          }
          quote(k, sb);
          sb.append('=');
          canonical(t.get(List.of(k)), null, sb);
          sb.append(',');
        }
        sb.append('}');
      }
      case TomlArray a -> {
        sb.append('[');
        for (int i = 0; i < a.size(); i++) {
          canonical(a.get(i), null, sb);
          sb.append(',');
        }
        sb.append(']');
      }
      case String s -> quote(s, sb);
      default -> sb.append(v);
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
  }

  /**
   * The sections of an INI file as configparser reads them: {@code key = value} or {@code key:
   * value}, indented lines continue a value, {@code #} and {@code ;} lines are comments; each
   * section as its keys (lower case) and values, sorted by key.
   */
  static Map<String, String> sections(String text) {
    Map<String, TreeMap<String, List<String>>> sections = new TreeMap<>();
    TreeMap<String, List<String>> current = null;
    List<String> value = null;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      boolean indented = raw.startsWith(" ") || raw.startsWith("\t");
      if (indented && value != null) {
        value.add(line);
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1).strip(), k -> new TreeMap<>());
        value = null;
        continue;
      }
      if (current == null) {
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      String key =
          (at < 0 ? line : line.substring(0, at)).strip().toLowerCase(java.util.Locale.ROOT);
      value = new ArrayList<>();
      String first = at < 0 ? "" : line.substring(at + 1).strip();
      if (!first.isEmpty()) {
        value.add(first);
      }
      current.put(key, value);
    }
    Map<String, String> out = new TreeMap<>();
    sections.forEach(
        (name, keys) -> {
          StringBuilder sb = new StringBuilder();
          keys.forEach(
              (k, v) -> sb.append(k).append('=').append(String.join("\n", v)).append('\0'));
          out.put(name, sb.toString());
        });
    return out;
  }
}
