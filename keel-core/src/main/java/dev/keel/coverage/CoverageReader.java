package dev.keel.coverage;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a coverage.py data file of any of its formats, told apart by content (not by name): the
 * SQLite header, a JSON object or an XML document. Whatever is wrong with the file (not found,
 * corrupt, another tool's, a newer format, an XML entity payload, describing none of this project's
 * files) is a {@link ConfigException} that names the file and what is wrong.
 */
public final class CoverageReader {
  /** Where coverage.py's tools leave their data, in the order Keel looks. */
  public static final List<String> USUAL_PLACES =
      List.of("coverage.json", "coverage.xml", ".coverage");

  /** Coverage data can be far larger than a source file. */
  static final long MAX_BYTES = 1024L * 1024 * 1024;

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private CoverageReader() {}

  /**
   * The data file named by {@code --coverage} or {@code [tool.keel] coverage}, else the first of
   * {@link #USUAL_PLACES} that exists at the root, else none.
   */
  public static Optional<Path> locate(Path root, Optional<Path> named) {
    if (named.isPresent()) {
      Path p = named.get().isAbsolute() ? named.get() : root.resolve(named.get());
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new ConfigException("coverage data file does not exist: " + named.get());
      }
      return Optional.of(p);
    }
    for (String name : USUAL_PLACES) {
      Path p = root.resolve(name);
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads {@code file} and keeps what it says about {@code projectFiles} (paths relative to {@code
   * root}).
   */
  public static CoverageData read(Path file, Path root, Set<String> projectFiles) {
    String shown = file.toString();
    ConfinedReader reader = new ConfinedReader(file.toAbsolutePath().getParent(), MAX_BYTES);
    Optional<ConfinedReader.Skip> skip = reader.check(file.toAbsolutePath(), shown);
    if (skip.isPresent()) {
      throw new ConfigException("cannot read coverage data: " + skip.get().message());
    }
    DataPaths paths = new DataPaths(root, projectFiles);
    byte[] head = head(file, shown);
    CoverageData data;
    if (startsWith(head, SQLITE_MAGIC)) {
      data = SqliteCoverage.read(file, shown, paths);
    } else {
      byte[] bytes =
          switch (reader.read(file.toAbsolutePath(), shown)) {
            case ConfinedReader.Bytes b -> b.bytes();
            case ConfinedReader.Skipped s ->
                throw new ConfigException("cannot read coverage data: " + s.skip().message());
          };
      int first = firstSignificant(bytes);
      if (first < 0) {
        throw new ConfigException(shown + " is empty: not coverage data");
      } else if (bytes[first] == '{') {
        data = JsonCoverage.read(file, shown, bytes, paths);
      } else if (bytes[first] == '<') {
        data = CoberturaCoverage.read(file, shown, bytes, paths);
      } else {
        throw new ConfigException(
            shown
                + " is not coverage data: neither coverage.json, Cobertura XML nor coverage.py's"
                + " SQLite data file");
      }
    }
    if (data.files().isEmpty() && data.elsewhere() > 0) {
      throw new ConfigException(
          shown
              + " describes "
              + data.elsewhere()
              + " files, none of them in this project: is it another project's coverage data?");
    }
    return data;
  }

  private static byte[] head(Path file, String shown) {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(SQLITE_MAGIC.length);
    } catch (java.io.IOException e) {
      throw new ConfigException("cannot read coverage data " + shown + ": " + e.getMessage());
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int firstSignificant(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb) {
      i = 3; // UTF-8 BOM
    }
    for (; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return i;
      }
    }
    return -1;
  }
}
