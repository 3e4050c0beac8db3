package dev.keel.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Facts about each Python version, read from the interpreters themselves by {@code
 * tools/python-tables.py}: the top-level standard-library modules and the builtin names.
 */
public final class PythonTables {
  private static final PythonTables INSTANCE = load();

  private final Map<PythonVersion, Set<String>> stdlib;
  private final Map<PythonVersion, Set<String>> builtins;

  private PythonTables(
      Map<PythonVersion, Set<String>> stdlib, Map<PythonVersion, Set<String>> builtins) {
    this.stdlib = Map.copyOf(stdlib);
    this.builtins = Map.copyOf(builtins);
  }

  public static PythonTables get() {
    return INSTANCE;
  }

  /** Top-level module names of the standard library of {@code version}. */
  public Set<String> stdlibModules(PythonVersion version) {
    return stdlib.get(version.clampToKnown());
  }

  /** Whether {@code topLevel} names a standard-library module of {@code version}. */
  public boolean isStdlib(String topLevel, PythonVersion version) {
    return stdlibModules(version).contains(topLevel);
  }

  /** Names the {@code builtins} module defines in {@code version}. */
  public Set<String> builtins(PythonVersion version) {
    return builtins.get(version.clampToKnown());
  }

  private static PythonTables load() {
    Map<PythonVersion, Set<String>> stdlib = new HashMap<>();
    Map<PythonVersion, Set<String>> builtins = new HashMap<>();
    try (InputStream in = PythonTables.class.getResourceAsStream("python-tables.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.strip().split(" ");
        if (parts.length < 2) {
          continue;
        }
        PythonVersion v = PythonVersion.parse(parts[0]).orElseThrow();
        Set<String> names = Set.of(java.util.Arrays.copyOfRange(parts, 2, parts.length));
        (parts[1].equals("stdlib") ? stdlib : builtins).put(v, names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int minor = PythonVersion.OLDEST_KNOWN.minor();
        minor <= PythonVersion.NEWEST_KNOWN.minor();
        minor++) {
      PythonVersion v = new PythonVersion(3, minor);
      if (!stdlib.containsKey(v) || !builtins.containsKey(v)) {
        throw new IllegalStateException("python-tables.txt lacks Python " + v);
      }
    }
    return new PythonTables(stdlib, builtins);
  }
}
