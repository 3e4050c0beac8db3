package dev.keel.testlock;

import dev.keel.finding.Span;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code keel-tests.lock} holds, or what the suite is now: each test file with its tests and
 * the code around them, and the settings that decide what the tests mean.
 *
 * @param keelVersion the Keel that wrote it
 * @param files each test file by its path relative to the project root, sorted
 * @param settings a hash of each pytest or coverage settings section, by where it is ({@code
 *     pyproject.toml [tool.pytest.ini_options]}), sorted
 */
public record TestLock(
    String keelVersion, Map<String, TestFile> files, Map<String, String> settings) {
  public TestLock {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** The number of tests in all files. */
  public int testCount() {
    return files.values().stream().mapToInt(f -> f.tests().size()).sum();
  }

  /**
   * One test file.
   *
   * @param tests its tests by qualified name ({@code test_get}, {@code TestClient.test_get})
   * @param support the code that is not a test but decides what the tests do: fixtures, helpers,
   *     hooks, class bodies and the module's own statements ({@code <module>}), by name
   * @param unparsed for a file that does not parse: a hash of its text (its tests cannot be read),
   *     else null
   */
  public record TestFile(Map<String, Test> tests, Map<String, Support> support, String unparsed) {
    public TestFile {
      tests = java.util.Collections.unmodifiableMap(new TreeMap<>(tests));
      support = java.util.Collections.unmodifiableMap(new TreeMap<>(support));
    }
  }

  /**
   * One test.
   *
   * @param hash the hash of its normalised syntax tree ({@link TreeHash})
   * @param assertions assert statements, assertion calls and mock assertions
   * @param mockAssertions those of {@code assertions} that only check how a mock was called
   * @param skips skip and xfail markers that apply to it: its decorators, its class's, the module's
   *     {@code pytestmark}, and {@code pytest.skip()}/{@code self.skipTest()} in its body
   * @param span where it is now; null when read from a lock
   */
  public record Test(String hash, int assertions, int mockAssertions, int skips, Span span) {}

  /**
   * Code around the tests.
   *
   * @param kind {@code fixture}, {@code autouse fixture}, {@code hook}, {@code function}, {@code
   *     class}, {@code method} or {@code module}
   * @param span where it is now; null when read from a lock
   */
  public record Support(String kind, String hash, Span span) {
    /** Whether adding it changes what the existing tests do, whether or not they name it. */
    public boolean actsOnExistingTests() {
      return kind.equals("autouse fixture") || kind.equals("hook");
    }
  }

  /** The name of the module's own statements among a file's support entries. */
  public static final String MODULE = "<module>";
}
