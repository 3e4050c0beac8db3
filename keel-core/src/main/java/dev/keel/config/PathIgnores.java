package dev.keel.config;

import dev.keel.ConfinedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Which codes are silenced for which paths, from the project's own settings and those its linters
 * already have: {@code [tool.keel.per-file-ignores]} (Keel codes), Ruff's {@code per-file-ignores}
 * and {@code extend-per-file-ignores} (also under {@code lint}) and flake8's {@code
 * per-file-ignores} (other tools' codes, which the judge maps onto Keel's), and Ruff's and flake8's
 * {@code exclude}/{@code extend-exclude} (a file the linter never reads).
 *
 * @param entries in the order they were read
 */
public record PathIgnores(List<Entry> entries) {
  /** Where an entry's codes come from, which says how the judge reads them. */
  public enum Kind {
    /** Keel's own codes or families. */
    KEEL,
    /** Codes of Ruff, flake8 and their plugins, mapped onto Keel's. */
    FOREIGN,
    /** A path the project's linter excludes: whatever that linter would have reported. */
    EXCLUDED
  }

  /**
   * One pattern and what it silences.
   *
   * @param negated a Ruff pattern written {@code !pattern}: the entry holds for paths it does not
   *     match
   * @param codes empty for {@link Kind#EXCLUDED}
   * @param source where it was written, for messages: {@code [tool.keel.per-file-ignores]
   *     "tests/**" of /p/pyproject.toml}
   */
  public record Entry(
      PathGlob glob, boolean negated, List<String> codes, Kind kind, String source) {
    public Entry {
      codes = List.copyOf(codes);
    }

    /** Whether the entry holds for {@code path}. */
    public boolean appliesTo(String path) {
      boolean m = kind == Kind.EXCLUDED ? glob.matchesOrContains(path) : glob.matches(path);
      return m != negated;
    }
  }

  private static final Pattern FOREIGN_CODE = Pattern.compile("[A-Z]+[0-9]*");

  public PathIgnores {
    entries = List.copyOf(entries);
  }

  public static PathIgnores none() {
    return new PathIgnores(List.of());
  }

  /** The entries of Keel's own {@code per-file-ignores}, whose codes must be Keel's. */
  public List<Entry> keelEntries() {
    return entries.stream().filter(e -> e.kind() == Kind.KEEL).toList();
  }

  /**
   * Reads what applies to the project at {@code root}: Keel's settings from {@code config}'s
   * origin, Ruff's from {@code .ruff.toml}, {@code ruff.toml} or {@code [tool.ruff]} of
   * pyproject.toml (the first that has them, as Ruff chooses), flake8's from the first of
   * setup.cfg, tox.ini and .flake8 with a {@code [flake8]} section. Mistakes in Keel's table are a
   * {@link ConfigException}; the other tools' files are theirs to validate, so a key of the wrong
   * shape there is passed over.
   */
  public static PathIgnores read(Path root, ConfinedReader reader, KeelConfig config) {
    List<Entry> out = new ArrayList<>();
    config.origin().ifPresent(origin -> keel(origin, out));
    ruff(root, reader, out);
    flake8(root, reader, out);
    return new PathIgnores(out);
  }

  private static void keel(Path origin, List<Entry> out) {
    TomlParseResult toml = ConfigLoader.parseToml(origin);
    boolean pyproject = origin.getFileName().toString().equals("pyproject.toml");
    TomlTable keel = toml.getTable("tool.keel");
    if (keel == null && !pyproject) {
      keel = toml;
    }
    if (keel == null || !keel.contains("per-file-ignores")) {
      return;
    }
    String where = (keel == toml ? "" : "[tool.keel] ") + "per-file-ignores of " + origin;
    Object v = keel.get("per-file-ignores");
    if (!(v instanceof TomlTable t)) {
      throw new ConfigException(
          where
              + " must be a table of path patterns to codes ([tool.keel.per-file-ignores] with"
              + " \"tests/**\" = [\"SEC\", \"TYP\"]), not "
              + ConfigLoader.typeName(v));
    }
    for (String pattern : t.keySet()) {
      String what = where + ", pattern \"" + pattern + "\",";
      Object codes = t.get(List.of(pattern));
      if (!(codes instanceof TomlArray arr)) {
        throw new ConfigException(
            what + " must be an array of rule codes, not " + ConfigLoader.typeName(codes));
      }
      List<String> list = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        if (!(arr.get(i) instanceof String s)) {
          throw new ConfigException(
              what
                  + " must be an array of rule codes, but item "
                  + (i + 1)
                  + " is "
                  + ConfigLoader.typeName(arr.get(i)));
        }
        list.add(s);
      }
      out.add(
          new Entry(
              PathGlob.of(pattern, what),
              false,
              list,
              Kind.KEEL,
              "[tool.keel.per-file-ignores] \"" + pattern + "\" of " + origin));
    }
  }

  private static void ruff(Path root, ConfinedReader reader, List<Entry> out) {
    for (String name : List.of(".ruff.toml", "ruff.toml", "pyproject.toml")) {
      Optional<TomlParseResult> toml = toml(root.resolve(name), reader);
      if (toml.isEmpty()) {
        continue;
      }
      TomlTable ruff =
          name.equals("pyproject.toml") ? toml.get().getTable("tool.ruff") : toml.get();
      if (ruff == null) {
        continue;
      }
      String file = root.resolve(name).toString();
      for (String key : List.of("exclude", "extend-exclude")) {
        excludes(ruff, key, file, out);
        excludes(subTable(ruff, "lint"), key, file, out);
      }
      for (String key : List.of("per-file-ignores", "extend-per-file-ignores")) {
        ruffPerFile(ruff, key, file, out);
        ruffPerFile(subTable(ruff, "lint"), key, file, out);
      }
      return;
    }
  }

  private static TomlTable subTable(TomlTable t, String key) {
    return t != null && t.get(key) instanceof TomlTable sub ? sub : null;
  }

  private static void excludes(TomlTable t, String key, String file, List<Entry> out) {
    if (t == null || !(t.get(key) instanceof TomlArray arr)) {
      return;
    }
    for (int i = 0; i < arr.size(); i++) {
      if (arr.get(i) instanceof String pattern) {
        glob(pattern)
            .ifPresent(
                g ->
                    out.add(
                        new Entry(
                            g, false, List.of(), Kind.EXCLUDED, "Ruff's " + key + " of " + file)));
      }
    }
  }

  private static void ruffPerFile(TomlTable t, String key, String file, List<Entry> out) {
    if (t == null || !(t.get(key) instanceof TomlTable table)) {
      return;
    }
    for (String pattern : table.keySet()) {
      if (!(table.get(List.of(pattern)) instanceof TomlArray arr)) {
        continue;
      }
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i) instanceof String c) {
          codes.add(c.strip().toUpperCase(Locale.ROOT));
        }
      }
      boolean negated = pattern.startsWith("!");
      String p = negated ? pattern.substring(1) : pattern;
      glob(p)
          .ifPresent(
              g ->
                  out.add(
                      new Entry(
                          g,
                          negated,
                          codes,
                          Kind.FOREIGN,
                          "Ruff's " + key + " \"" + pattern + "\" of " + file)));
    }
  }

  private static void flake8(Path root, ConfinedReader reader, List<Entry> out) {
    for (String name : List.of("setup.cfg", "tox.ini", ".flake8")) {
      Path file = root.resolve(name);
      Optional<String> text = text(file, reader);
      if (text.isEmpty()) {
        continue;
      }
      Optional<java.util.Map<String, String>> section = iniSection(text.get(), "flake8");
      if (section.isEmpty()) {
        continue;
      }
      for (String key : List.of("exclude", "extend-exclude")) {
        String v = section.get().get(key);
        if (v != null) {
          for (String pattern : v.split(",")) {
            if (!pattern.isBlank()) {
              glob(pattern.strip())
                  .ifPresent(
                      g ->
                          out.add(
                              new Entry(
                                  g,
                                  false,
                                  List.of(),
                                  Kind.EXCLUDED,
                                  "flake8's " + key + " of " + file)));
            }
          }
        }
      }
      String perFile = section.get().get("per-file-ignores");
      if (perFile != null) {
        flake8PerFile(perFile, file.toString(), out);
      }
      return;
    }
  }

  /**
   * flake8's {@code per-file-ignores}: "{@code path: CODE, CODE}" groups, one per line or several
   * on one, several paths before one colon allowed.
   */
  private static void flake8PerFile(String value, String file, List<Entry> out) {
    List<String> paths = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (String token : value.replace(":", " : ").split("[\\s,]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals(":")) {
        continue;
      }
      if (FOREIGN_CODE.matcher(token).matches() && !paths.isEmpty()) {
        codes.add(token);
        continue;
      }
      if (!codes.isEmpty()) {
        addFlake8(paths, codes, file, out);
        paths.clear();
        codes.clear();
      }
      paths.add(token);
    }
    addFlake8(paths, codes, file, out);
  }

  private static void addFlake8(
      List<String> paths, List<String> codes, String file, List<Entry> out) {
    if (codes.isEmpty()) {
      return;
    }
    for (String p : paths) {
      glob(p)
          .ifPresent(
              g ->
                  out.add(
                      new Entry(
                          g,
                          false,
                          codes,
                          Kind.FOREIGN,
                          "flake8's per-file-ignores \"" + p + "\" of " + file)));
    }
  }

  /** The keys and values of one section of an INI file, continuation lines joined. */
  static Optional<java.util.Map<String, String>> iniSection(String text, String section) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    boolean in = false;
    boolean found = false;
    String key = null;
    for (String line : text.split("\\R")) {
      String stripped = line.strip();
      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        in = stripped.substring(1, stripped.length() - 1).strip().equals(section);
        found |= in;
        key = null;
        continue;
      }
      if (!in || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      boolean continuation = Character.isWhitespace(line.charAt(0)) && key != null;
      int eq = line.indexOf('=');
      if (!continuation && eq > 0) {
        key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('_', '-');
        out.put(key, line.substring(eq + 1).strip());
      } else if (continuation) {
        out.put(key, out.get(key) + "\n" + stripped);
      }
    }
    return found ? Optional.of(out) : Optional.empty();
  }

  private static Optional<PathGlob> glob(String pattern) {
    try {
      return Optional.of(PathGlob.of(pattern, "pattern"));
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(Path file, ConfinedReader reader) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return switch (reader.read(file, file.getFileName().toString())) {
      case ConfinedReader.Bytes b -> Optional.of(new String(b.bytes(), StandardCharsets.UTF_8));
      case ConfinedReader.Skipped s -> Optional.empty();
    };
  }

  /** Another tool's TOML file; one that does not parse is that tool's to report, and is skipped. */
  private static Optional<TomlParseResult> toml(Path file, ConfinedReader reader) {
    return text(file, reader).map(Toml::parse).filter(t -> !t.hasErrors());
  }
}
