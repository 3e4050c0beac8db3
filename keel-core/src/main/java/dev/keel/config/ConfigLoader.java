package dev.keel.config;

import dev.keel.ConfinedReader;
import dev.keel.finding.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads and validates {@code [tool.keel]} from {@code pyproject.toml}, or the top level of {@code
 * keel.toml}. Any unknown key or wrong type is a {@link ConfigException} naming the key and what is
 * allowed.
 */
public final class ConfigLoader {
  static final Set<String> KEYS =
      new TreeSet<>(
          List.of(
              "select",
              "ignore",
              "exclude",
              "fail-on",
              "baseline",
              "source",
              "tiers",
              "layers",
              "thresholds",
              "cycles",
              "config-modules",
              "max-file-size",
              "file-timeout",
              "coverage",
              "coverage-target",
              // keel tests verify and TST010: does a test missing from keel-tests.lock fail?
              "tests-lock-new",
              // read by PathIgnores, with the other tools' per-file settings
              "per-file-ignores"));
  static final Set<String> LAYER_KEYS =
      new TreeSet<>(
          List.of(
              "name",
              "type",
              "layers",
              "containers",
              "source_modules",
              "forbidden_modules",
              "modules"));

  /**
   * A {@code config-modules} entry: a dotted module name, or a package followed by {@code .*} for
   * the package and everything in it.
   */
  private static final Pattern CONFIG_MODULE =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*(\\.\\*)?");

  private ConfigLoader() {}

  /** Finds the configuration of the project at {@code root}: keel.toml, then pyproject.toml. */
  public static KeelConfig forProject(Path root) {
    return forProject(root, new ConfinedReader(root, ConfinedReader.DEFAULT_MAX_BYTES));
  }

  /**
   * Finds the configuration of the project at {@code root}: keel.toml or {@code [tool.keel]} of
   * pyproject.toml (both is an error naming both). A file that {@code reader} refuses (a link out
   * of the project, a FIFO…) is not read: discovery reports it as a finding, and the defaults
   * apply.
   */
  public static KeelConfig forProject(Path root, ConfinedReader reader) {
    Path keelToml = root.resolve("keel.toml");
    Path pyproject = root.resolve("pyproject.toml");
    requireNotFolder(keelToml);
    requireNotFolder(pyproject);
    Optional<TomlParseResult> keel = readIfAllowed(keelToml, reader);
    Optional<TomlParseResult> py = readIfAllowed(pyproject, reader);
    boolean pyHasKeel = py.isPresent() && hasToolKeel(py.get(), pyproject);
    if (keel.isPresent() && pyHasKeel) {
      throw new ConfigException(
          "both "
              + keelToml
              + " and [tool.keel] of "
              + pyproject
              + " configure Keel: keep one (move the settings into one file and delete the other)");
    }
    if (keel.isPresent()) {
      return fromParsed(keel.get(), keelToml, false);
    }
    if (py.isPresent()) {
      return fromParsed(py.get(), pyproject, true);
    }
    return KeelConfig.defaults();
  }

  /** Loads an explicit file: {@code [tool.keel]} of a pyproject.toml, else the top level. */
  public static KeelConfig load(Path file) {
    requireNotFolder(file);
    TomlParseResult toml = parseToml(file);
    return fromParsed(toml, file, file.getFileName().toString().equals("pyproject.toml"));
  }

  private static KeelConfig fromParsed(TomlParseResult toml, Path file, boolean pyproject) {
    TomlTable table;
    String where;
    if (pyproject) {
      if (!hasToolKeel(toml, file)) {
        return KeelConfig.defaults();
      }
      table = toml.getTable("tool.keel");
      where = "[tool.keel]";
    } else {
      table = hasToolKeel(toml, file) ? toml.getTable("tool.keel") : toml;
      where = table == toml ? "" : "[tool.keel]";
    }
    return fromTable(table, where, file);
  }

  /**
   * Whether the file has a [tool.keel] table; a tool or tool.keel that is not a table is an error.
   */
  private static boolean hasToolKeel(TomlParseResult toml, Path file) {
    Object tool = toml.get("tool");
    if (tool == null) {
      return false;
    }
    if (!(tool instanceof TomlTable tt)) {
      throw new ConfigException("tool in " + file + " must be a table, not " + typeName(tool));
    }
    Object keel = tt.get("keel");
    if (keel == null) {
      return false;
    }
    if (!(keel instanceof TomlTable)) {
      throw new ConfigException(
          "tool.keel in " + file + " must be a table ([tool.keel]), not " + typeName(keel));
    }
    return true;
  }

  private static void requireNotFolder(Path file) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(file + " is a folder, not a configuration file");
    }
  }

  private static Optional<TomlParseResult> readIfAllowed(Path file, ConfinedReader reader) {
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return switch (reader.read(file, file.getFileName().toString())) {
      case ConfinedReader.Bytes b -> Optional.of(parseToml(file, b.bytes()));
      case ConfinedReader.Skipped s -> Optional.empty();
    };
  }

  /**
   * Parses a TOML file named on the command line (read wherever it points, if it is a regular file
   * within the default size limit); a syntax error is a {@link ConfigException} with its position.
   */
  public static TomlParseResult parseToml(Path file) {
    byte[] bytes;
    try {
      bytes =
          new ConfinedReader(null, ConfinedReader.DEFAULT_MAX_BYTES)
              .readOrThrow(file, file.toString());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    return parseToml(file, bytes);
  }

  /** Parses TOML text read from {@code file}. */
  public static TomlParseResult parseToml(Path file, byte[] bytes) {
    TomlParseResult toml = Toml.parse(new String(bytes, StandardCharsets.UTF_8));
    if (toml.hasErrors()) {
      TomlParseError err = toml.errors().get(0);
      throw new ConfigException(
          file
              + ":"
              + err.position().line()
              + ":"
              + err.position().column()
              + ": invalid TOML: "
              + err.getMessage().replaceAll("\\s+", " "));
    }
    return toml;
  }

  static KeelConfig fromTable(TomlTable t, String where, Path origin) {
    for (String key : t.keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(
            "unknown key '"
                + key
                + "' in "
                + ofFile(where)
                + origin
                + " (valid keys: "
                + String.join(", ", KEYS)
                + ")");
      }
    }
    // Validated in this order, so a file with two mistakes always names the same one first.
    KeelConfig.Builder config =
        KeelConfig.builder()
            .origin(origin)
            .select(strings(t, "select", where, origin))
            .ignore(strings(t, "ignore", where, origin))
            .exclude(strings(t, "exclude", where, origin))
            .source(strings(t, "source", where, origin));
    if (t.contains("cycles")) {
      config.cycles(cycles(t, where, origin));
    }
    config.configModules(configModules(t, where, origin));
    if (t.contains("fail-on")) {
      config.failOn(failOn(t, where, origin));
    }
    if (t.contains("baseline")) {
      config.baseline(Optional.of(string(t, "baseline", where, origin)));
    }
    if (t.contains("tiers")) {
      config.tiers(tiers(table(t, "tiers", where, origin), where, origin));
    }
    if (t.contains("thresholds")) {
      config.thresholds(thresholds(table(t, "thresholds", where, origin), where, origin));
    }
    if (t.contains("max-file-size")) {
      config.maxFileSize(maxFileSize(t.get("max-file-size"), where, origin));
    }
    if (t.contains("layers")) {
      config.layers(layers(t.get("layers"), where, origin));
    }
    if (t.contains("file-timeout")) {
      config.fileTimeout(fileTimeout(t.get("file-timeout"), where, origin));
    }
    if (t.contains("coverage")) {
      String file = string(t, "coverage", where, origin);
      if (file.isBlank()) {
        throw new ConfigException(
            q(where)
                + "coverage of "
                + origin
                + " is empty: name coverage.py's data file (such as \"coverage.json\"), or leave"
                + " the key out for the usual places");
      }
      config.coverage(Optional.of(file));
    }
    if (t.contains("coverage-target")) {
      Object v = t.get("coverage-target");
      if (v instanceof TomlTable targets) {
        for (String key : targets.keySet()) {
          String what = q(where) + "coverage-target." + key + " of " + origin;
          switch (key) {
            case "standard" -> config.coverageTarget(percent(targets.get(key), what));
            case "critical" -> config.criticalCoverageTarget(percent(targets.get(key), what));
            default ->
                throw new ConfigException(
                    "unknown tier '"
                        + key
                        + "' in "
                        + q(where)
                        + "coverage-target of "
                        + origin
                        + " (valid: critical, standard; prototype files have no target)");
          }
        }
      } else {
        config.coverageTarget(percent(v, q(where) + "coverage-target of " + origin));
      }
    }
    if (t.contains("tests-lock-new")) {
      String v = string(t, "tests-lock-new", where, origin);
      if (!v.equals("fail") && !v.equals("report")) {
        throw notOneOf(q(where) + "tests-lock-new of " + origin, Stream.of("report", "fail"), v);
      }
      config.newTestsFail(v.equals("fail"));
    }
    return config.build();
  }

  private static CycleMode cycles(TomlTable t, String where, Path origin) {
    String cycles = string(t, "cycles", where, origin);
    return CycleMode.parse(cycles)
        .orElseThrow(
            () ->
                notOneOf(
                    q(where) + "cycles of " + origin,
                    Arrays.stream(CycleMode.values()).map(CycleMode::label),
                    cycles));
  }

  /** "{@code what} must be one of a, b, not 'value'". */
  private static ConfigException notOneOf(String what, Stream<String> allowed, String value) {
    return new ConfigException(
        what + " must be one of " + String.join(", ", allowed.toList()) + ", not '" + value + "'");
  }

  private static List<String> configModules(TomlTable t, String where, Path origin) {
    List<String> configModules = strings(t, "config-modules", where, origin);
    if (t.contains("config-modules") && configModules.isEmpty()) {
      throw new ConfigException(
          q(where)
              + "config-modules of "
              + origin
              + " is empty: name at least one module, or leave the key out for the conventional"
              + " names");
    }
    for (String m : configModules) {
      if (!CONFIG_MODULE.matcher(m).matches()) {
        throw new ConfigException(
            q(where)
                + "config-modules of "
                + origin
                + " has '"
                + m
                + "', which is not a dotted module name (such as 'myapp.settings', or"
                + " 'myapp.conf.*' for a package and everything in it)");
      }
    }
    return configModules;
  }

  private static Severity failOn(TomlTable t, String where, Path origin) {
    String v = string(t, "fail-on", where, origin);
    return Severity.parse(v)
        .orElseThrow(
            () ->
                new ConfigException(
                    "fail-on in "
                        + ofFile(where)
                        + origin
                        + " is '"
                        + v
                        + "' (valid: error, warning, info)"));
  }

  private static Map<Tier, List<String>> tiers(TomlTable tt, String where, Path origin) {
    Map<Tier, List<String>> tiers = new EnumMap<>(Tier.class);
    for (String key : tt.keySet()) {
      Tier tier = null;
      for (Tier candidate : Tier.values()) {
        if (candidate.label().equals(key)) {
          tier = candidate;
        }
      }
      if (tier == null) {
        throw new ConfigException(
            "unknown tier '"
                + key
                + "' in "
                + q(where)
                + "tiers of "
                + origin
                + " (valid tiers: critical, prototype, standard)");
      }
      tiers.put(tier, strings(tt, key, q(where) + "tiers", origin));
    }
    return tiers;
  }

  private static Thresholds thresholds(TomlTable th, String where, Path origin) {
    Map<Threshold, Integer> thresholds = new EnumMap<>(Threshold.class);
    for (String key : th.keySet()) {
      Threshold threshold =
          Threshold.forKey(key)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "unknown threshold '"
                              + key
                              + "' in "
                              + q(where)
                              + "thresholds of "
                              + origin
                              + " (valid: "
                              + String.join(
                                  ", ",
                                  new TreeSet<>(
                                      Arrays.stream(Threshold.values())
                                          .map(Threshold::key)
                                          .toList()))
                              + ")"));
      Object v = th.get(key);
      if (!(v instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
        throw new ConfigException(
            q(where) + "thresholds." + key + " of " + origin + " must be a non-negative integer");
      }
      long lo = threshold.lowest();
      long hi = threshold.highest();
      if (n < lo || n > hi) {
        throw new ConfigException(
            q(where)
                + "thresholds."
                + key
                + " of "
                + origin
                + " is "
                + n
                + "; it must be between "
                + lo
                + " and "
                + hi
                + (threshold.percent() ? " (a percentage)" : ""));
      }
      thresholds.put(threshold, (int) (long) n);
    }
    return Thresholds.of(thresholds);
  }

  private static long maxFileSize(Object v, String where, Path origin) {
    Optional<Long> parsed =
        switch (v) {
          case Long n -> n > 0 ? Optional.of(n) : Optional.<Long>empty();
          case String str -> ConfinedReader.parseSize(str);
          default -> Optional.<Long>empty();
        };
    if (parsed.isEmpty()) {
      throw new ConfigException(
          q(where)
              + "max-file-size of "
              + origin
              + " must be a positive size such as 10MB, 512KB or a number of bytes, not "
              + (v instanceof String str ? "'" + str + "'" : typeName(v)));
    }
    return parsed.get();
  }

  private static List<LayerContract> layers(Object v, String where, Path origin) {
    if (!(v instanceof TomlArray arr) || !allTables(arr)) {
      throw new ConfigException(
          q(where)
              + "layers of "
              + origin
              + " must be an array of tables ([[tool.keel.layers]] with name and layers)");
    }
    List<LayerContract> layers = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      layers.add(layer(arr.getTable(i), q(where) + "layers[" + i + "]", i, origin));
    }
    return layers;
  }

  private static LayerContract layer(TomlTable lt, String lwhere, int i, Path origin) {
    for (String key : lt.keySet()) {
      if (!LAYER_KEYS.contains(key)) {
        throw new ConfigException(
            "unknown key '"
                + key
                + "' in "
                + lwhere
                + " of "
                + origin
                + " (valid keys: "
                + String.join(", ", LAYER_KEYS)
                + ")");
      }
    }
    String name = lt.contains("name") ? string(lt, "name", lwhere, origin) : "layers " + i;
    LayerContract.Type type = LayerContract.Type.LAYERS;
    if (lt.contains("type")) {
      String label = string(lt, "type", lwhere, origin);
      type =
          LayerContract.Type.parse(label)
              .orElseThrow(
                  () ->
                      notOneOf(
                          q(lwhere) + "type of " + origin,
                          Arrays.stream(LayerContract.Type.values()).map(LayerContract.Type::label),
                          label));
    }
    List<String> ls = strings(lt, "layers", lwhere, origin);
    List<String> sources = strings(lt, "source_modules", lwhere, origin);
    List<String> forbidden = strings(lt, "forbidden_modules", lwhere, origin);
    List<String> modules = strings(lt, "modules", lwhere, origin);
    String missing =
        switch (type) {
          case LAYERS ->
              ls.size() < 2 ? "layers of " + origin + " must list at least two layers" : null;
          case FORBIDDEN ->
              sources.isEmpty() || forbidden.isEmpty()
                  ? "forbidden contract of "
                      + origin
                      + " needs source_modules and forbidden_modules"
                  : null;
          case INDEPENDENCE ->
              modules.size() < 2
                  ? "independence contract of " + origin + " needs at least two modules"
                  : null;
        };
    if (missing != null) {
      throw new ConfigException(q(lwhere) + missing);
    }
    return new LayerContract(
        name, type, ls, strings(lt, "containers", lwhere, origin), sources, forbidden, modules);
  }

  private static int percent(Object v, String what) {
    double percent =
        switch (v) {
          case Long n -> n;
          case Double d -> d;
          default ->
              throw new ConfigException(
                  what
                      + " must be a percentage from 0 to 100 (such as 60), or a table of them by"
                      + " tier ({ standard = 60, critical = 90 }), not "
                      + typeName(v));
        };
    if (!(percent >= 0 && percent <= 100) || percent != Math.rint(percent)) {
      throw new ConfigException(
          what + " must be a whole percentage from 0 to 100 (such as 60), not " + v);
    }
    return (int) percent;
  }

  private static Duration fileTimeout(Object v, String where, Path origin) {
    String what = q(where) + "file-timeout of " + origin;
    return switch (v) {
      case Long n -> KeelConfig.fileTimeout(n, what);
      case Double d -> KeelConfig.fileTimeout(d, what);
      default ->
          throw new ConfigException(
              what + " must be a number of seconds (such as 30 or 2.5), not " + typeName(v));
    };
  }

  private static String string(TomlTable t, String key, String where, Path origin) {
    Object v = t.get(key);
    if (!(v instanceof String s)) {
      throw new ConfigException(
          q(where) + key + " of " + origin + " must be a string, not " + typeName(v));
    }
    return s;
  }

  private static TomlTable table(TomlTable t, String key, String where, Path origin) {
    Object v = t.get(key);
    if (!(v instanceof TomlTable tt)) {
      throw new ConfigException(
          q(where) + key + " of " + origin + " must be a table, not " + typeName(v));
    }
    return tt;
  }

  private static List<String> strings(TomlTable t, String key, String where, Path origin) {
    if (!t.contains(key)) {
      return List.of();
    }
    Object v = t.get(key);
    if (v instanceof TomlArray arr) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        if (!(arr.get(i) instanceof String s)) {
          throw new ConfigException(
              q(where)
                  + key
                  + " of "
                  + origin
                  + " must be an array of strings, but item "
                  + (i + 1)
                  + " is "
                  + typeName(arr.get(i)));
        }
        out.add(s);
      }
      return out;
    }
    throw new ConfigException(
        q(where) + key + " of " + origin + " must be an array of strings, not " + typeName(v));
  }

  /** "[tool.keel] of " before the file name, or nothing at the top level of keel.toml. */
  private static String ofFile(String where) {
    return where.isEmpty() ? "" : where + " of ";
  }

  /** A key path prefix: "[tool.keel]." or nothing at the top level of keel.toml. */
  private static String q(String where) {
    return where.isEmpty() ? "" : where + ".";
  }

  private static boolean allTables(TomlArray arr) {
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.get(i) instanceof TomlTable)) {
        return false;
      }
    }
    return true;
  }

  static String typeName(Object v) {
    return switch (v) {
      case null -> "nothing";
      case String s -> "a string";
      case Long l -> "an integer";
      case Double d -> "a float";
      case Boolean b -> "a boolean";
      case TomlArray a -> "an array";
      case TomlTable tt -> "a table";
      default -> "a date or time";
    };
  }
}
