package dev.keel.rules.architecture;

import dev.keel.config.LayerContract;
import dev.keel.rule.ProjectContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Contracts from an existing import-linter configuration — {@code .importlinter}, {@code setup.cfg}
 * or {@code [tool.importlinter]} in pyproject.toml — so a team that has one does not write it
 * twice.
 */
final class ImportLinterConfig {
  private ImportLinterConfig() {}

  static List<LayerContract> read(ProjectContext project) {
    List<LayerContract> out = new ArrayList<>();
    project.read(".importlinter").ifPresent(t -> fromIni(t, out));
    project.read("setup.cfg").ifPresent(t -> fromIni(t, out));
    project.pyproject().ifPresent(t -> fromToml(t, out));
    return out;
  }

  private static void fromToml(TomlParseResult toml, List<LayerContract> out) {
    TomlArray contracts = toml.getArray("tool.importlinter.contracts");
    if (contracts == null) {
      return;
    }
    for (int i = 0; i < contracts.size(); i++) {
      if (!(contracts.get(i) instanceof TomlTable t)) {
        continue;
      }
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (String key : t.keySet()) {
        Object v = t.get(key);
        List<String> list = new ArrayList<>();
        if (v instanceof String s) {
          list.add(s);
        } else if (v instanceof TomlArray a) {
          for (int j = 0; j < a.size(); j++) {
            if (a.get(j) instanceof String s) {
              list.add(s);
            }
          }
        }
        values.put(key, list);
      }
      contract(values, "contract " + (i + 1)).ifPresent(out::add);
    }
  }

  /** INI sections {@code [importlinter:contract:ID]} with newline-separated lists. */
  private static void fromIni(String text, List<LayerContract> out) {
    String section = null;
    Map<String, List<String>> values = null;
    String key = null;
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw.stripTrailing();
      String t = line.strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        if (values != null) {
          contract(values, section).ifPresent(out::add);
        }
        section = t.substring(1, t.length() - 1).strip();
        values = section.startsWith("importlinter:contract:") ? new LinkedHashMap<>() : null;
        key = null;
        continue;
      }
      if (values == null || t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0)) && (t.contains("=") || t.contains(":"))) {
        int eq = t.indexOf('=') >= 0 ? t.indexOf('=') : t.indexOf(':');
        key = t.substring(0, eq).strip();
        List<String> list = new ArrayList<>();
        String v = t.substring(eq + 1).strip();
        if (!v.isEmpty()) {
          list.add(v);
        }
        values.put(key, list);
      } else if (key != null) {
        values.get(key).add(t);
      }
    }
    if (values != null) {
      contract(values, section).ifPresent(out::add);
    }
  }

  private static java.util.Optional<LayerContract> contract(
      Map<String, List<String>> v, String fallbackName) {
    String type = first(v, "type");
    String name = v.containsKey("name") ? String.join(" ", v.get("name")) : fallbackName;
    List<String> layers = v.getOrDefault("layers", List.of());
    return switch (type) {
      case "layers" ->
          layers.size() < 2
              ? java.util.Optional.empty()
              : java.util.Optional.of(
                  new LayerContract(
                      name,
                      LayerContract.Type.LAYERS,
                      layers,
                      v.getOrDefault("containers", List.of()),
                      List.of(),
                      List.of(),
                      List.of()));
      case "forbidden" ->
          java.util.Optional.of(
              new LayerContract(
                  name,
                  LayerContract.Type.FORBIDDEN,
                  List.of(),
                  List.of(),
                  v.getOrDefault("source_modules", List.of()),
                  v.getOrDefault("forbidden_modules", List.of()),
                  List.of()));
      case "independence" ->
          java.util.Optional.of(
              new LayerContract(
                  name,
                  LayerContract.Type.INDEPENDENCE,
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  v.getOrDefault("modules", List.of())));
      default -> java.util.Optional.empty();
    };
  }

  private static String first(Map<String, List<String>> v, String key) {
    List<String> l = v.get(key);
    return l == null || l.isEmpty() ? "" : l.get(0).strip();
  }
}
