package dev.keel.coverage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one coverage.py data file says about the project.
 *
 * @param source the data file
 * @param format which of coverage.py's formats it is
 * @param toolVersion the coverage.py version that wrote it, when recorded
 * @param measuredAt when it was written, when recorded (JSON {@code meta.timestamp}, Cobertura
 *     {@code timestamp}, SQLite {@code meta.when})
 * @param files the files of this project it describes, by path relative to the root
 * @param elsewhere how many files it describes that are not in this project (installed libraries,
 *     files since deleted)
 */
public record CoverageData(
    Path source,
    Format format,
    Optional<String> toolVersion,
    Optional<Instant> measuredAt,
    Map<String, FileCoverage> files,
    int elsewhere) {

  public CoverageData {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** The formats coverage.py writes. */
  public enum Format {
    /** {@code coverage json}: format 3, with {@code functions} and {@code classes} from 7.x. */
    JSON,
    /** {@code coverage xml}: Cobertura. */
    COBERTURA,
    /** {@code .coverage}: the SQLite data file {@code coverage run} writes. */
    SQLITE;

    public String label() {
      return switch (this) {
        case JSON -> "coverage.json";
        case COBERTURA -> "Cobertura XML";
        case SQLITE -> "coverage.py SQLite data";
      };
    }
  }

  public Optional<FileCoverage> file(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
