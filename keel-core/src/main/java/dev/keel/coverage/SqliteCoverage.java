package dev.keel.coverage;

import dev.keel.config.ConfigException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The {@code .coverage} data file of {@code coverage run} (schema 7, coverage.py 5 to 7): {@code
 * file} paths, {@code context} names, {@code line_bits} (a numbits bitmap per file and context) or,
 * with branch measurement, {@code arc} rows whose ends are the lines that ran. It holds only what
 * ran, not which lines are statements: those come from the syntax tree ({@link StatementLines}).
 * Opened read-only, never written.
 */
final class SqliteCoverage {
  /** The schema version coverage.py 5.0 to 7.x write. */
  static final int SCHEMA = 7;

  private SqliteCoverage() {}

  static CoverageData read(Path file, String shown, DataPaths paths) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    String url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?immutable=1";
    try (Connection db = config.createConnection(url)) {
      int schema = schema(db, shown);
      if (schema != SCHEMA) {
        throw new ConfigException(
            shown
                + " is coverage.py data of schema "
                + schema
                + "; Keel reads schema "
                + SCHEMA
                + " (coverage.py 5 to 7): run coverage combine or coverage json with a newer"
                + " coverage.py");
      }
      Map<String, String> meta = new HashMap<>();
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("select key, value from meta")) {
        while (rs.next()) {
          meta.put(rs.getString(1), rs.getString(2));
        }
      }
      Map<Integer, String> contexts = new HashMap<>();
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("select id, context from context")) {
        while (rs.next()) {
          contexts.put(rs.getInt(1), rs.getString(2));
        }
      }
      Map<Integer, String> mapped = new HashMap<>();
      int elsewhere = 0;
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("select id, path from file")) {
        while (rs.next()) {
          Optional<String> p = paths.map(rs.getString(2) == null ? "" : rs.getString(2));
          if (p.isPresent()) {
            mapped.put(rs.getInt(1), p.get());
          } else {
            elsewhere++;
          }
        }
      }
      Map<String, SortedSet<Integer>> executed = new HashMap<>();
      Map<String, Map<Integer, SortedSet<String>>> byContext = new HashMap<>();
      boolean arcs = "1".equals(meta.get("has_arcs")) || "true".equals(meta.get("has_arcs"));
      String query =
          arcs
              ? "select file_id, context_id, fromno, tono from arc"
              : "select file_id, context_id, numbits from line_bits";
      try (PreparedStatement s = db.prepareStatement(query);
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String path = mapped.get(rs.getInt(1));
          if (path == null) {
            continue;
          }
          String context = contexts.getOrDefault(rs.getInt(2), "");
          SortedSet<Integer> lines;
          if (arcs) {
            lines = new TreeSet<>();
            for (int n : new int[] {rs.getInt(3), rs.getInt(4)}) {
              if (n > 0) {
                lines.add(n);
              }
            }
          } else {
            byte[] bits = rs.getBytes(3);
            lines = Numbits.lines(bits == null ? new byte[0] : bits);
          }
          executed.computeIfAbsent(path, k -> new TreeSet<>()).addAll(lines);
          if (!context.isEmpty()) {
            Map<Integer, SortedSet<String>> c =
                byContext.computeIfAbsent(path, k -> new TreeMap<>());
            for (int line : lines) {
              c.computeIfAbsent(line, k -> new TreeSet<>()).add(context);
            }
          }
        }
      }
      Map<String, FileCoverage> files = new HashMap<>();
      for (String path : mapped.values()) {
        files.put(
            path,
            new FileCoverage(
                path,
                executed.getOrDefault(path, new TreeSet<>()),
                Optional.empty(),
                new TreeSet<>(),
                byContext.getOrDefault(path, Map.of()),
                Map.of(),
                Map.of()));
      }
      return new CoverageData(
          file,
          CoverageData.Format.SQLITE,
          Optional.ofNullable(meta.get("version")),
          Optional.ofNullable(meta.get("when")).flatMap(SqliteCoverage::when),
          files,
          elsewhere);
    } catch (SQLException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
      throw new ConfigException(shown + " is not a readable coverage.py data file: " + msg);
    }
  }

  private static int schema(Connection db, String shown) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select name from sqlite_master where type = 'table' and name = 'coverage_schema'")) {
      if (!rs.next()) {
        throw new ConfigException(
            shown + " is an SQLite database but not coverage.py data: it has no coverage_schema");
      }
    }
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select version from coverage_schema")) {
      return rs.next() ? rs.getInt(1) : -1;
    }
  }

  /** coverage.py writes {@code when} as local time, {@code 2024-05-01 12:30:00}. */
  private static Optional<Instant> when(String text) {
    try {
      return Optional.of(
          LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
              .atZone(ZoneId.systemDefault())
              .toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
