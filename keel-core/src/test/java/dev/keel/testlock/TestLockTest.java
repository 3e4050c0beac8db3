package dev.keel.testlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lock as a user meets it: a suite locked, then reformatted (the lock still holds) or weakened
 * in each way the issue names (each caught, with the test named and what happened).
 */
class TestLockTest {
  /** A small suite: pytest functions, a unittest class, a fixture, settings. */
  private static final Map<String, String> SUITE =
      Map.of(
          "pyproject.toml",
          """
          [project]
          name = "shop"

          [tool.pytest.ini_options]
          addopts = "-q"
          testpaths = ["tests"]

          [tool.coverage.run]
          branch = true
          """,
          "tests/conftest.py",
          """
          import pytest


          @pytest.fixture
          def prices():
              return [3, 4]
          """,
          "tests/test_cart.py",
          """
          import unittest
          from unittest import mock

          import pytest

          from shop import Cart


          def helper(cart):
              return cart.total() * 2


          def test_total(prices):
              cart = Cart(prices)
              assert cart.total() == 7
              assert cart.count() == 2


          def test_notify():
              notify = mock.Mock()
              Cart([1], notify).pay()
              assert notify.call_count == 1
              assert Cart([1]).total() == 1


          @pytest.mark.parametrize("n", [1, 2, 0x10])
          def test_many(n):
              assert Cart([n] * n).count() == n


          class TestCart(unittest.TestCase):
              def setUp(self):
                  self.cart = Cart([1, 2])

              def test_count(self):
                  self.assertEqual(self.cart.count(), 2)

              def test_helper(self):
                  self.assertEqual(helper(self.cart), 6)
          """);

  /**
   * The same suite as a formatter and a tidy person leave it: other quotes and line breaks,
   * comments, docstrings, a hexadecimal constant written in decimal, a trailing comma, the
   * functions and methods in another order. Its meaning is the same, so the lock holds.
   */
  private static final Map<String, String> REFORMATTED =
      Map.of(
          "pyproject.toml",
          """
          [project]
          name = 'shop'

          [tool.coverage.run]
          branch = true   # measured with branches

          [tool.pytest.ini_options]
          testpaths = [
              "tests",
          ]
          addopts = '-q'
          """,
          "tests/conftest.py",
          """
          '''Fixtures for the cart tests.'''
          import pytest

          @pytest.fixture
          def prices():
              '''Two prices.'''
              return [
                  3,
                  4,
              ]
          """,
          "tests/test_cart.py",
          """
          import unittest
          from unittest import mock

          import pytest

          from shop import Cart


          class TestCart(unittest.TestCase):
              def test_helper(self):
                  self.assertEqual(helper(self.cart), 6)  # twice the total

              def test_count(self):
                  \"\"\"The count is the number of prices.\"\"\"
                  self.assertEqual(
                      self.cart.count(),
                      2,
                  )

              def setUp(self):
                  self.cart = Cart([1, 2])


          @pytest.mark.parametrize('n', [1, 2, 16])
          def test_many(n):
              assert Cart([n] * n).count() == n


          def test_notify():
              notify = mock.Mock()
              Cart([1], notify).pay()
              assert (notify.call_count == 1)
              assert Cart([1]).total() == 1


          def test_total(prices):
              # the fixture's prices
              cart = Cart(prices)
              assert cart.total() == 7
              assert cart.count() == 2


          def helper(cart):
              return (cart.total()
                      * 2)
          """);

  private static TestLock scan(Map<String, String> files) {
    List<String> tests = files.keySet().stream().filter(p -> p.startsWith("tests/")).toList();
    return SuiteScanner.scan(tests, p -> Optional.ofNullable(files.get(p)));
  }

  /** The suite with {@code file} replaced by {@code text} (deleted when null). */
  private static Map<String, String> with(String file, String text) {
    Map<String, String> m = new HashMap<>(SUITE);
    if (text == null) {
      m.remove(file);
    } else {
      m.put(file, text);
    }
    return m;
  }

  private static String cart() {
    return SUITE.get("tests/test_cart.py");
  }

  private static List<LockDiff.Change> verify(Map<String, String> now) {
    return LockDiff.compare(scan(SUITE), scan(now), false);
  }

  private static String only(List<LockDiff.Change> changes) {
    assertEquals(1, changes.size(), () -> "expected one change, got " + changes);
    assertTrue(changes.get(0).fails(), () -> changes.get(0) + " should fail");
    return changes.get(0).message();
  }

  @Test
  void theLockReadsTheSuite() {
    TestLock lock = scan(SUITE);
    TestLock.TestFile file = lock.files().get("tests/test_cart.py");
    assertEquals(
        List.of(
            "TestCart.test_count",
            "TestCart.test_helper",
            "test_many",
            "test_notify",
            "test_total"),
        List.copyOf(file.tests().keySet()));
    assertEquals(2, file.tests().get("test_total").assertions());
    assertEquals(1, file.tests().get("test_notify").mockAssertions());
    assertEquals(
        List.of("<module>", "TestCart", "TestCart.setUp", "helper"),
        List.copyOf(file.support().keySet()));
    assertEquals("fixture", lock.files().get("tests/conftest.py").support().get("prices").kind());
    assertEquals(
        List.of("pyproject.toml [tool.coverage]", "pyproject.toml [tool.pytest.ini_options]"),
        List.copyOf(lock.settings().keySet()));
  }

  @Test
  void reformattingEverythingKeepsTheLock() {
    assertEquals(List.of(), LockDiff.compare(scan(SUITE), scan(REFORMATTED), true));
  }

  @Test
  void fewerAssertions() {
    String weaker = cart().replace("    assert cart.count() == 2\n", "");
    assertEquals(
        "locked test 'test_total' was weakened: fewer assertions (2 → 1)",
        only(verify(with("tests/test_cart.py", weaker))));
  }

  @Test
  void aNewSkipDecorator() {
    String weaker =
        cart().replace("def test_total(", "@pytest.mark.skip(reason='later')\ndef test_total(");
    assertEquals(
        "locked test 'test_total' was weakened: a new skip or xfail",
        only(verify(with("tests/test_cart.py", weaker))));
  }

  @Test
  void aNewXfailOnAClassWeakensEachOfItsTests() {
    String weaker = cart().replace("class TestCart(", "@unittest.expectedFailure\nclass TestCart(");
    List<LockDiff.Change> changes = verify(with("tests/test_cart.py", weaker));
    assertEquals(
        List.of(
            "class 'TestCart' changed: it decides what the locked tests do",
            "locked test 'TestCart.test_count' was weakened: a new skip or xfail",
            "locked test 'TestCart.test_helper' was weakened: a new skip or xfail"),
        changes.stream().map(LockDiff.Change::message).sorted().toList());
  }

  @Test
  void aSkipCallInTheBody() {
    String weaker =
        cart()
            .replace(
                "    cart = Cart(prices)\n", "    pytest.skip('later')\n    cart = Cart(prices)\n");
    assertEquals(
        "locked test 'test_total' was weakened: a new skip or xfail",
        only(verify(with("tests/test_cart.py", weaker))));
  }

  @Test
  void aSkipMarkInParametrize() {
    String weaker =
        cart().replace("[1, 2, 0x10]", "[1, 2, pytest.param(16, marks=pytest.mark.xfail)]");
    assertEquals(
        "locked test 'test_many' was weakened: a new skip or xfail",
        only(verify(with("tests/test_cart.py", weaker))));
  }

  @Test
  void anAssertionReplacedByAMockOnlyOne() {
    String weaker =
        cart().replace("    assert Cart([1]).total() == 1\n", "    notify.assert_called_once()\n");
    assertEquals(
        "locked test 'test_notify' was weakened: an assertion replaced by a mock-only one"
            + " (assertions on results 1 → 0)",
        only(verify(with("tests/test_cart.py", weaker))));
  }

  @Test
  void aChangedTest() {
    String changed = cart().replace("assert cart.total() == 7", "assert cart.total() >= 0");
    assertEquals(
        "locked test 'test_total' changed: its code differs from the lock (formatting and comments"
            + " aside)",
        only(verify(with("tests/test_cart.py", changed))));
  }

  @Test
  void aTestThatDisappeared() {
    String gone =
        cart()
            .replace(
                "    def test_count(self):\n        self.assertEqual(self.cart.count(), 2)\n", "");
    assertEquals(
        "locked test 'TestCart.test_count' disappeared from tests/test_cart.py",
        only(verify(with("tests/test_cart.py", gone))));
  }

  @Test
  void aDeletedTestFile() {
    assertEquals(
        "locked test file tests/test_cart.py was deleted with its 5 locked tests:"
            + " TestCart.test_count, TestCart.test_helper, test_many, test_notify, test_total",
        only(verify(with("tests/test_cart.py", null))));
  }

  @Test
  void aChangedFixtureHelperOrSetUp() {
    assertEquals(
        "fixture 'prices' changed: it decides what the locked tests do",
        only(
            verify(
                with(
                    "tests/conftest.py",
                    SUITE.get("tests/conftest.py").replace("[3, 4]", "[7, 0]")))));
    assertEquals(
        "function 'helper' changed: it decides what the locked tests do",
        only(verify(with("tests/test_cart.py", cart().replace("* 2", "* 3")))));
    assertEquals(
        "method 'TestCart.setUp' changed: it decides what the locked tests do",
        only(verify(with("tests/test_cart.py", cart().replace("Cart([1, 2])", "Cart([3])")))));
  }

  @Test
  void aNewConftestAndANewAutouseFixtureFail() {
    Map<String, String> now =
        with("tests/unit/conftest.py", "def pytest_ignore_collect():\n    return True\n");
    assertEquals(
        "new tests/unit/conftest.py is not in the lock: its fixtures and hooks change what the"
            + " locked tests do",
        only(verify(now)));
    String autouse =
        SUITE.get("tests/conftest.py")
            + "\n\n@pytest.fixture(autouse=True)\ndef quiet(monkeypatch):\n    pass\n";
    assertEquals(
        "new autouse fixture 'quiet' is not in the lock: it acts on every test it reaches, locked"
            + " ones too",
        only(verify(with("tests/conftest.py", autouse))));
  }

  @Test
  void changedPytestOrCoverageSettings() {
    String deselects = SUITE.get("pyproject.toml").replace("\"-q\"", "\"-q -k 'not total'\"");
    assertEquals(
        "test settings [tool.pytest.ini_options] of pyproject.toml changed since the lock: they"
            + " decide which tests run and what they mean",
        only(verify(with("pyproject.toml", deselects))));
    assertEquals(
        "test settings [pytest] of pytest.ini was added since the lock: they decide which tests run"
            + " and what they mean",
        only(verify(with("pytest.ini", "[pytest]\naddopts = --deselect tests/test_cart.py\n"))));
    assertEquals(
        "test settings [run] of .coveragerc was added since the lock: they decide which tests run"
            + " and what they mean",
        only(verify(with(".coveragerc", "[run]\nomit = src/*\n"))));
  }

  @Test
  void aNewTestIsReportedAndFailsOnlyWhenConfigured() {
    Map<String, String> now =
        with(
            "tests/test_cart.py",
            cart() + "\n\ndef test_more():\n    assert Cart([]).count() == 0\n");
    List<LockDiff.Change> report = LockDiff.compare(scan(SUITE), scan(now), false);
    assertEquals(1, report.size());
    assertEquals(LockDiff.Kind.NEW, report.get(0).kind());
    assertEquals("new test 'test_more' is not in the lock", report.get(0).message());
    assertEquals(false, report.get(0).fails());
    List<LockDiff.Change> strict = LockDiff.compare(scan(SUITE), scan(now), true);
    assertTrue(strict.get(0).fails());
  }

  @Test
  void theLockFileReadsBackWhatItWrote() {
    TestLock lock = scan(SUITE);
    TestLock read = LockFile.parse(LockFile.text(lock), "keel-tests.lock");
    assertEquals(LockFile.text(lock), LockFile.text(read));
    assertEquals(List.of(), LockDiff.compare(read, lock, true));
  }

  @Test
  void aLockEditedIntoInvalidJsonIsOneClearError() {
    String text = LockFile.text(scan(SUITE));
    String broken = text.replaceFirst("\"assertions\": 2,", "\"assertions\": 2,,");
    ConfigException e =
        assertThrows(ConfigException.class, () -> LockFile.parse(broken, "keel-tests.lock"));
    assertTrue(
        e.getMessage().startsWith("keel-tests.lock:")
            && e.getMessage().contains("the test lock is not valid JSON")
            && !e.getMessage().contains("\n"),
        e::getMessage);
    String wrongType = text.replaceFirst("\"assertions\": 2", "\"assertions\": \"two\"");
    ConfigException t =
        assertThrows(ConfigException.class, () -> LockFile.parse(wrongType, "keel-tests.lock"));
    assertTrue(t.getMessage().contains("\"assertions\" must be a whole number"), t::getMessage);
  }

  @Test
  void aLockFromANewerKeelIsRefused() {
    String text =
        LockFile.text(scan(SUITE))
            .replaceFirst("\"keel_version\": \"[^\"]*\"", "\"keel_version\": \"99.0.0\"");
    ConfigException e =
        assertThrows(ConfigException.class, () -> LockFile.parse(text, "keel-tests.lock"));
    assertTrue(e.getMessage().contains("was written by a newer Keel (99.0.0"), e::getMessage);
    String format =
        LockFile.text(scan(SUITE)).replaceFirst("\"keel_tests_lock\": 1", "\"keel_tests_lock\": 2");
    assertThrows(ConfigException.class, () -> LockFile.parse(format, "keel-tests.lock"));
  }

  /**
   * The lock of the TST010 fixture project ({@code projects/tst/locked}) is what {@code keel tests
   * lock} writes for the suite as it was ({@code testlock/locked-original}), not a made-up file.
   */
  @Test
  void theFixtureProjectsLockIsTheOriginalSuitesLock() throws IOException {
    Path original = Path.of("src/test/resources/testlock/locked-original");
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> s = Files.walk(original)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(
            original.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    TestLock lock = scan(files);
    String committed =
        Files.readString(
            Path.of("src/test/resources/projects/tst/locked/keel-tests.lock"),
            StandardCharsets.UTF_8);
    assertEquals(
        LockFile.text(new TestLock("0.1.0-SNAPSHOT", lock.files(), lock.settings())), committed);
  }

  /** The hash tells node kinds apart by their names' hash codes: no two may share one. */
  @Test
  void everyNodeKindHasItsOwnCodeInTheHash() {
    java.util.Map<Integer, String> seen = new java.util.HashMap<>();
    java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>();
    todo.add(dev.keel.python.ast.Node.class);
    todo.add(dev.keel.python.ast.ConstantValue.class);
    int records = 0;
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (c.isSealed()) {
        todo.addAll(java.util.List.of(c.getPermittedSubclasses()));
      } else if (c.isRecord()) {
        records++;
        String other = seen.put(c.getSimpleName().hashCode(), c.getSimpleName());
        assertTrue(other == null || other.equals(c.getSimpleName()), other + " and " + c);
      }
    }
    assertTrue(records > 80, "only " + records + " node kinds found");
  }
}
