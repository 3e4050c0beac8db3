package dev.keel.testlock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.AtomicFile;
import dev.keel.ConfinedReader;
import dev.keel.Version;
import dev.keel.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keel-tests.lock}: JSON, one test per line, so that a change to the lock reads as a short
 * diff in review, with the files, tests and settings sorted so that the same suite always writes
 * the same bytes.
 *
 * <pre>{@code
 * {
 *   "keel_tests_lock": 1,
 *   "keel_version": "0.1.0",
 *   "settings": {
 *     "pyproject.toml [tool.pytest.ini_options]": "3f2a…"
 *   },
 *   "files": {
 *     "tests/test_api.py": {
 *       "tests": {
 *         "test_get": {"hash": "9c1e…", "assertions": 3, "mock_assertions": 0, "skips": 0}
 *       },
 *       "support": {
 *         "<module>": {"kind": "module", "hash": "77ab…"},
 *         "client": {"kind": "fixture", "hash": "e0f3…"}
 *       }
 *     }
 *   }
 * }
 * }</pre>
 */
public final class LockFile {
  /** The lock's name at the project root. */
  public static final String NAME = "keel-tests.lock";

  /** The format this Keel writes and the newest it reads. */
  static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private LockFile() {}

  /** The lock at the root of {@code root}, empty when there is none. */
  public static Optional<TestLock> read(Path root) {
    Path file = root.resolve(NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException(file + " is a folder, not the test lock");
    }
    byte[] bytes;
    try {
      bytes = new ConfinedReader(root, Integer.MAX_VALUE - 16L).readOrThrow(file, NAME);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + AtomicFile.why(e));
    }
    return Optional.of(parse(new String(bytes, StandardCharsets.UTF_8), file.toString()));
  }

  /**
   * A lock from its text; {@code where} names it in errors.
   *
   * @throws ConfigException when it is not a lock this Keel can read: not JSON, not the lock's
   *     shape, or written by a newer Keel
   */
  public static TestLock parse(String text, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          where
              + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
              + ": the test lock is not valid JSON ("
              + e.getOriginalMessage().replaceAll("\\s+", " ")
              + "); restore it from git (git checkout -- "
              + NAME
              + ") or write it again with keel tests lock");
    }
    if (root == null || !root.isObject()) {
      throw bad(where, "expected a JSON object with \"keel_tests_lock\" and \"files\"");
    }
    JsonNode format = root.get("keel_tests_lock");
    if (format == null || !format.canConvertToExactIntegral() || format.asLong() < 1) {
      throw bad(where, "\"keel_tests_lock\" must be the format number " + FORMAT);
    }
    String version = text(root, "keel_version", where);
    if (format.asLong() > FORMAT || isNewer(version, Version.current())) {
      throw new ConfigException(
          where
              + " was written by a newer Keel ("
              + version
              + ", lock format "
              + format.asLong()
              + "; this is Keel "
              + Version.current()
              + ", lock format "
              + FORMAT
              + "): upgrade Keel to verify it");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    JsonNode s = object(root, "settings", where, true);
    if (s != null) {
      s.properties()
          .forEach(
              e -> {
                if (!e.getValue().isTextual()) {
                  throw bad(where, "settings \"" + e.getKey() + "\" must be a hash string");
                }
                settings.put(e.getKey(), e.getValue().asText());
              });
    }
    Map<String, TestLock.TestFile> files = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : object(root, "files", where, false).properties()) {
      String path = f.getKey();
      JsonNode file = f.getValue();
      String in = "file \"" + path + "\"";
      if (!file.isObject()) {
        throw bad(where, in + " must be an object");
      }
      Map<String, TestLock.Test> tests = new LinkedHashMap<>();
      JsonNode t = object(file, "tests", where + " " + in, true);
      if (t != null) {
        for (Map.Entry<String, JsonNode> e : t.properties()) {
          String at = in + ", test \"" + e.getKey() + "\"";
          JsonNode n = e.getValue();
          if (!n.isObject()) {
            throw bad(where, at + " must be an object");
          }
          tests.put(
              e.getKey(),
              new TestLock.Test(
                  text(n, "hash", where + " " + at),
                  count(n, "assertions", where, at),
                  count(n, "mock_assertions", where, at),
                  count(n, "skips", where, at),
                  null));
        }
      }
      Map<String, TestLock.Support> support = new LinkedHashMap<>();
      JsonNode sp = object(file, "support", where + " " + in, true);
      if (sp != null) {
        for (Map.Entry<String, JsonNode> e : sp.properties()) {
          String at = in + ", support \"" + e.getKey() + "\"";
          JsonNode n = e.getValue();
          if (!n.isObject()) {
            throw bad(where, at + " must be an object");
          }
          support.put(
              e.getKey(),
              new TestLock.Support(
                  text(n, "kind", where + " " + at), text(n, "hash", where + " " + at), null));
        }
      }
      JsonNode unparsed = file.get("unparsed");
      if (unparsed != null && !unparsed.isTextual()) {
        throw bad(where, in + " has an \"unparsed\" that is not a hash string");
      }
      files.put(
          path, new TestLock.TestFile(tests, support, unparsed == null ? null : unparsed.asText()));
    }
    return new TestLock(version, files, settings);
  }

  /**
   * Writes {@code lock} to the root of {@code root} atomically (a temporary file renamed over the
   * old one: a reader, a crash or a full disk never leaves half a lock), refusing a lock whose real
   * location is outside the project (a committed link to elsewhere).
   */
  public static void write(Path root, TestLock lock) {
    Path file = root.resolve(NAME);
    try {
      AtomicFile.writeInside(root, file, text(lock).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot write " + file + ": " + AtomicFile.why(e));
    }
  }

  /** The lock's text: what {@link #write} writes. */
  public static String text(TestLock lock) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\n  \"keel_tests_lock\": ").append(FORMAT).append(",\n");
    sb.append("  \"keel_version\": ");
    str(lock.keelVersion(), sb);
    sb.append(",\n  \"settings\": {");
    boolean first = true;
    for (Map.Entry<String, String> e : lock.settings().entrySet()) {
      sb.append(first ? "\n" : ",\n").append("    ");
      str(e.getKey(), sb);
      sb.append(": ");
      str(e.getValue(), sb);
      first = false;
    }
    sb.append(first ? "},\n" : "\n  },\n");
    sb.append("  \"files\": {");
    first = true;
    for (Map.Entry<String, TestLock.TestFile> f : lock.files().entrySet()) {
      sb.append(first ? "\n" : ",\n").append("    ");
      first = false;
      str(f.getKey(), sb);
      sb.append(": {\n");
      TestLock.TestFile file = f.getValue();
      if (file.unparsed() != null) {
        sb.append("      \"unparsed\": ");
        str(file.unparsed(), sb);
        sb.append(",\n");
      }
      sb.append("      \"tests\": {");
      boolean one = true;
      for (Map.Entry<String, TestLock.Test> t : file.tests().entrySet()) {
        sb.append(one ? "\n" : ",\n").append("        ");
        one = false;
        str(t.getKey(), sb);
        TestLock.Test test = t.getValue();
        sb.append(": {\"hash\": ");
        str(test.hash(), sb);
        sb.append(", \"assertions\": ").append(test.assertions());
        sb.append(", \"mock_assertions\": ").append(test.mockAssertions());
        sb.append(", \"skips\": ").append(test.skips()).append('}');
      }
      sb.append(one ? "},\n" : "\n      },\n");
      sb.append("      \"support\": {");
      one = true;
      for (Map.Entry<String, TestLock.Support> s : file.support().entrySet()) {
        sb.append(one ? "\n" : ",\n").append("        ");
        one = false;
        str(s.getKey(), sb);
        sb.append(": {\"kind\": ");
        str(s.getValue().kind(), sb);
        sb.append(", \"hash\": ");
        str(s.getValue().hash(), sb);
        sb.append('}');
      }
      sb.append(one ? "}\n" : "\n      }\n");
      sb.append("    }");
    }
    sb.append(first ? "}\n" : "\n  }\n");
    sb.append("}\n");
    return sb.toString();
  }

  private static void str(String s, StringBuilder sb) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }

  /**
   * Whether version {@code a} is newer than {@code b}, comparing their numbers ({@code 0.2.0} is
   * newer than {@code 0.1.9-SNAPSHOT}); a version without numbers ({@code dev}) is never newer.
   */
  static boolean isNewer(String a, String b) {
    int[] x = numbers(a);
    int[] y = numbers(b);
    if (x.length == 0 || y.length == 0) {
      return false;
    }
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? x[i] : 0;
      int q = i < y.length ? y[i] : 0;
      if (p != q) {
        return p > q;
      }
    }
    return false;
  }

  private static int[] numbers(String v) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)*)").matcher(v);
    if (!m.find()) {
      return new int[0];
    }
    String[] parts = m.group(1).split("\\.");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        out[i] = Integer.MAX_VALUE;
      }
    }
    return out;
  }

  private static ConfigException bad(String where, String what) {
    return new ConfigException(
        where
            + " is not a test lock Keel can read: "
            + what
            + "; restore it from git (git checkout -- "
            + NAME
            + ") or write it again with keel tests lock");
  }

  private static JsonNode object(JsonNode n, String key, String where, boolean optional) {
    JsonNode v = n.get(key);
    if (v == null && optional) {
      return null;
    }
    if (v == null || !v.isObject()) {
      throw bad(where, "\"" + key + "\" must be an object");
    }
    return v;
  }

  private static String text(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw bad(where, "\"" + key + "\" must be a string");
    }
    return v.asText();
  }

  private static int count(JsonNode n, String key, String where, String at) {
    JsonNode v = n.get(key);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw bad(where, at + ": \"" + key + "\" must be a whole number, 0 or more");
    }
    return v.asInt();
  }
}
