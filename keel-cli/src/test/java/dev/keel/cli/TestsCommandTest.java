package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel tests lock} and {@code keel tests verify} as a user runs them. */
class TestsCommandTest {
  @TempDir Path tmp;

  private static final String TEST_CART =
      """
      from shop import Cart


      def test_total():
          cart = Cart([3, 4])
          assert cart.total() == 7
          assert cart.count() == 2


      def test_empty():
          assert Cart([]).total() == 0
      """;

  private ScriptedRepo shop() {
    return ScriptedRepo.init(tmp.resolve("shop"))
        .write("pyproject.toml", "[project]\nname = \"shop\"\n")
        .write("src/shop/__init__.py", "class Cart:\n    pass\n")
        .write("tests/test_cart.py", TEST_CART);
  }

  private static String lock(ScriptedRepo repo) {
    return repo.read("keel-tests.lock");
  }

  @Test
  void lockWritesTheLockAndPrintsTheCodeownersLine() {
    try (ScriptedRepo repo = shop()) {
      Cli.Outcome r = Cli.run("tests", "lock", repo.dir.toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("keel: locked 2 tests in 1 file"), r.out());
      assertTrue(r.out().contains("\n/keel-tests.lock @your-org/test-owners\n"), r.out());
      assertTrue(lock(repo).contains("\"test_total\": {\"hash\": "), lock(repo));
      Cli.Outcome v = Cli.run("tests", "verify", repo.dir.toString());
      assertEquals(0, v.code(), v.out() + v.err());
      assertTrue(
          v.out().contains("keel: the suite matches the lock (2 locked tests in 1 files)"),
          v.out());
      // Nothing changed: the same bytes again.
      String before = lock(repo);
      Cli.run("tests", "lock", repo.dir.toString());
      assertEquals(before, lock(repo));
    }
  }

  @Test
  void theCodeownersLineNamesTheLockFromTheTopOfTheRepository() {
    try (ScriptedRepo repo = ScriptedRepo.init(tmp.resolve("mono"))) {
      repo.write("services/shop/pyproject.toml", "[project]\nname = \"shop\"\n")
          .write("services/shop/tests/test_cart.py", TEST_CART);
      Cli.Outcome r = Cli.run("tests", "lock", repo.dir.resolve("services/shop").toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("\n/services/shop/keel-tests.lock @"), r.out());
    }
  }

  @Test
  void verifyFailsNamingEachWeakenedTestAndCheckFailsWithTst010() {
    try (ScriptedRepo repo = shop()) {
      Cli.run("tests", "lock", repo.dir.toString());
      repo.write(
          "tests/test_cart.py",
          TEST_CART
                  .replace("    assert cart.count() == 2\n", "")
                  .replace("def test_empty", "@pytest.mark.xfail\ndef test_empty")
              + "\n\ndef test_new():\n    assert True\n");
      Cli.Outcome v = Cli.run("tests", "verify", repo.dir.toString());
      assertEquals(1, v.code(), v.out() + v.err());
      assertTrue(
          v.out()
              .contains(
                  "tests/test_cart.py:4:1: TST010 [error] locked test 'test_total' was weakened:"
                      + " fewer assertions (2 → 1)\n"),
          v.out());
      assertTrue(
          v.out()
              .contains(
                  "tests/test_cart.py:10:1: TST010 [error] locked test 'test_empty' was weakened:"
                      + " a new skip or xfail\n"),
          v.out());
      assertTrue(v.out().contains("[new] new test 'test_new' is not in the lock"), v.out());
      assertTrue(v.out().contains("keel: 2 changes fail the lock"), v.out());

      Cli.Outcome check =
          Cli.run(
              "check", "--select", "TST010", "--no-cache", "--format", "json", repo.dir.toString());
      assertEquals(1, check.code(), check.err());
      assertTrue(check.out().contains("\"code\" : \"TST010\""), check.out());
      assertFalse(check.out().contains("test_new"), check.out());
    }
  }

  @Test
  void verifyJsonHasCheckFindingsShapeAndListsNewTests() throws IOException {
    try (ScriptedRepo repo = shop()) {
      Cli.run("tests", "lock", repo.dir.toString());
      repo.delete("tests/test_cart.py")
          .write("tests/test_more.py", "def test_more():\n    assert 1\n");
      Cli.Outcome v = Cli.run("tests", "verify", "--format", "json", repo.dir.toString());
      assertEquals(1, v.code(), v.err());
      JsonNode doc = new ObjectMapper().readTree(v.out());
      JsonNode f = doc.get("findings").get(0);
      assertEquals("TST010", f.get("code").asText());
      assertEquals("error", f.get("severity").asText());
      assertEquals("tests/test_cart.py", f.get("path").asText());
      assertEquals("file deleted", f.get("kind").asText());
      assertTrue(f.get("message").asText().contains("test_empty, test_total"), f.toString());
      assertTrue(f.get("line").isNull());
      assertEquals("test_more", doc.get("new_tests").get(0).get("test").asText());
      assertEquals(1, doc.get("summary").get("findings").asInt());
      assertEquals(1, doc.get("summary").get("new_tests").asInt());
    }
  }

  @Test
  void newTestsFailWhenConfigured() {
    try (ScriptedRepo repo = shop()) {
      repo.write(
          "pyproject.toml",
          "[project]\nname = \"shop\"\n\n[tool.keel]\ntests-lock-new = \"fail\"\n");
      Cli.run("tests", "lock", repo.dir.toString());
      repo.write("tests/test_cart.py", TEST_CART + "\n\ndef test_new():\n    assert True\n");
      Cli.Outcome v = Cli.run("tests", "verify", repo.dir.toString());
      assertEquals(1, v.code(), v.out());
      assertTrue(
          v.out().contains("TST010 [error] new test 'test_new' is not in the lock ([tool.keel]"),
          v.out());
    }
  }

  @Test
  void sinceListsTheLockEntriesThatChangedInTheRange() {
    try (ScriptedRepo repo = shop()) {
      Cli.run("tests", "lock", repo.dir.toString());
      String first = repo.commit("lock the suite");
      repo.write("tests/test_cart.py", TEST_CART.replace("    assert cart.count() == 2\n", ""));
      Cli.run("tests", "lock", repo.dir.toString());
      repo.commit("a person relocks a weaker test");
      Cli.Outcome v = Cli.run("tests", "verify", "--since", first, repo.dir.toString());
      assertEquals(0, v.code(), v.out() + v.err());
      assertTrue(v.out().contains("1 entry changed"), v.out());
      assertTrue(
          v.out().contains("  changed tests/test_cart.py test_total (assertions 2 → 1)"), v.out());
      Cli.Outcome bad =
          Cli.run("tests", "verify", "--since", "no-such-branch", repo.dir.toString());
      assertEquals(2, bad.code());
      assertOneLine(bad.err(), "unknown revision 'no-such-branch'");
    }
  }

  @Test
  void aLockEditedIntoInvalidJsonIsOneLineAndExit2AndStaysAsItWas() throws IOException {
    try (ScriptedRepo repo = shop()) {
      Cli.run("tests", "lock", repo.dir.toString());
      String broken = lock(repo).replace("\"skips\": 0}", "\"skips\": 0,}");
      Files.writeString(repo.dir.resolve("keel-tests.lock"), broken, StandardCharsets.UTF_8);
      for (String command : new String[] {"verify", "lock"}) {
        Cli.Outcome r = Cli.run("tests", command, repo.dir.toString());
        assertEquals(2, r.code(), command + ": " + r.out() + r.err());
        assertOneLine(r.err(), "the test lock is not valid JSON");
        assertEquals(broken, lock(repo), command);
      }
      Cli.Outcome check = Cli.run("check", "--no-cache", repo.dir.toString());
      assertEquals(2, check.code(), check.out());
      assertOneLine(check.err(), "the test lock is not valid JSON");
    }
  }

  @Test
  void aLockFromANewerKeelIsOneLineAndExit2AndStaysAsItWas() throws IOException {
    try (ScriptedRepo repo = shop()) {
      Cli.run("tests", "lock", repo.dir.toString());
      String newer =
          lock(repo).replaceFirst("\"keel_version\": \"[^\"]*\"", "\"keel_version\": \"42.0.0\"");
      Files.writeString(repo.dir.resolve("keel-tests.lock"), newer, StandardCharsets.UTF_8);
      for (String command : new String[] {"verify", "lock"}) {
        Cli.Outcome r = Cli.run("tests", command, repo.dir.toString());
        assertEquals(2, r.code(), command + ": " + r.out() + r.err());
        assertOneLine(r.err(), "was written by a newer Keel (42.0.0");
        assertEquals(newer, lock(repo), command);
      }
    }
  }

  @Test
  void verifyWithoutALockSaysHowToWriteOne() {
    try (ScriptedRepo repo = shop()) {
      Cli.Outcome r = Cli.run("tests", "verify", repo.dir.toString());
      assertEquals(2, r.code());
      assertOneLine(r.err(), "no keel-tests.lock at ");
      assertTrue(r.err().contains("keel tests lock"), r.err());
    }
  }

  private static void assertOneLine(String err, String contains) {
    assertTrue(err.contains(contains), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(err.contains("Exception"), err);
  }
}
