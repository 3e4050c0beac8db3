package dev.keel.rules.dependencies;

import dev.keel.ConfinedReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which distributions provide a top-level import name: the installed metadata of a virtualenv in
 * the project ({@code top_level.txt}, else {@code RECORD}), then an embedded table of well-known
 * mismatches ({@code yaml} is PyYAML), then the name itself and its {@code python-}/{@code py}
 * prefixed forms.
 */
final class ImportNameMap {
  private static final Map<String, List<String>> TABLE = load();

  private final Map<String, Set<String>> installed;

  private ImportNameMap(Map<String, Set<String>> installed) {
    this.installed = installed;
  }

  /** The map for a project, reading a virtualenv under {@code root} if there is one. */
  static ImportNameMap forProject(Path root) {
    Map<String, Set<String>> installed = new HashMap<>();
    // A virtualenv linked to a place outside the project is not read (nor anything it links to).
    ConfinedReader reader = new ConfinedReader(root, ConfinedReader.DEFAULT_MAX_BYTES);
    for (String venv : List.of(".venv", "venv", "env", ".env")) {
      Path lib = root.resolve(venv).resolve("lib");
      if (!Files.isDirectory(lib)) {
        continue;
      }
      try (Stream<Path> pythons = Files.list(lib)) {
        for (Path py : pythons.toList()) {
          Path site = py.resolve("site-packages");
          if (Files.isDirectory(site)) {
            readSitePackages(site, installed, reader);
          }
        }
      } catch (IOException e) {
        // an unreadable virtualenv adds nothing; the table and the name rules still apply
      }
    }
    return new ImportNameMap(installed);
  }

  /** Normalised names of the distributions that may provide {@code topLevel}. */
  Set<String> distributions(String topLevel) {
    Set<String> out = new HashSet<>();
    Set<String> fromVenv = installed.get(topLevel);
    if (fromVenv != null) {
      out.addAll(fromVenv);
    }
    List<String> fromTable = TABLE.get(topLevel);
    if (fromTable != null) {
      out.addAll(fromTable);
    }
    String n = DeclaredDependencies.normalise(topLevel);
    out.add(n);
    out.add("python-" + n);
    out.add("py" + n);
    if (n.startsWith("py")) {
      out.add(n.substring(2));
    }
    return out;
  }

  private static List<String> lines(ConfinedReader reader, Path file) {
    return reader.read(file, file.toString()) instanceof ConfinedReader.Bytes b
        ? new String(b.bytes(), StandardCharsets.UTF_8).lines().toList()
        : List.of();
  }

  private static void readSitePackages(
      Path site, Map<String, Set<String>> out, ConfinedReader reader) throws IOException {
    try (Stream<Path> entries = Files.list(site)) {
      for (Path info : entries.filter(p -> p.toString().endsWith(".dist-info")).toList()) {
        String dir = info.getFileName().toString();
        String dist =
            DeclaredDependencies.normalise(
                dir.substring(0, dir.indexOf('-') > 0 ? dir.indexOf('-') : dir.length() - 10));
        Path topLevel = info.resolve("top_level.txt");
        Path record = info.resolve("RECORD");
        if (Files.isRegularFile(topLevel)) {
          for (String line : lines(reader, topLevel)) {
            if (!line.isBlank()) {
              out.computeIfAbsent(line.strip(), k -> new HashSet<>()).add(dist);
            }
          }
        } else if (Files.isRegularFile(record)) {
          for (String line : lines(reader, record)) {
            String path = line.split(",", 2)[0];
            String first = path.split("/", 2)[0];
            if (first.endsWith(".dist-info") || first.equals("..") || first.endsWith(".data")) {
              continue;
            }
            String name = first.endsWith(".py") ? first.substring(0, first.length() - 3) : first;
            if (!name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))) {
              out.computeIfAbsent(name, k -> new HashSet<>()).add(dist);
            }
          }
        }
      }
    }
  }

  private static Map<String, List<String>> load() {
    Map<String, List<String>> out = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                ImportNameMap.class.getResourceAsStream("import-names.txt"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split("\\s+");
        List<String> dists = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          dists.add(DeclaredDependencies.normalise(parts[i]));
        }
        out.put(parts[0], List.copyOf(dists));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
