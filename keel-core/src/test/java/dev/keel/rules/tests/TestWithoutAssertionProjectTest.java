package dev.keel.rules.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TST001 across test modules, beyond the fixtures of projects/tst: helpers that call each other in
 * a cycle between modules, and a check of some paths only.
 */
class TestWithoutAssertionProjectTest {
  @TempDir Path root;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(root.resolve(".git"));
    write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\n");
    write("src/shop/__init__.py", "");
    write("src/shop/cart.py", "def total(items):\n    return sum(items)\n");
  }

  @Test
  void helpersCallingEachOtherAcrossModulesEndTheSearch() throws IOException {
    write(
        "tests/walk_a.py",
        """
        from tests import walk_b


        def down(n):
            if n:
                walk_b.down(n - 1)


        def down_and_compare(n):
            if n:
                walk_b.down_and_compare(n - 1)
        """);
    write(
        "tests/walk_b.py",
        """
        from tests import walk_a
        from shop.cart import total


        def down(n):
            walk_a.down(n)


        def down_and_compare(n):
            walk_a.down_and_compare(n)
            assert total([n]) == n
        """);
    write(
        "tests/test_walk.py",
        """
        from tests.walk_a import down, down_and_compare


        def test_down():
            down(3)


        def test_down_and_compare():
            down_and_compare(3)
        """);
    assertEquals(List.of("tests/test_walk.py:4"), findings(root));
  }

  @Test
  void aHelperOutsideThePathsCheckedIsStillSeen() throws IOException {
    // `same` asserts nothing: the whole project shows it, and a check of the test file alone (what
    // pre-commit runs) analyses the whole project too, so it sees the same.
    write("tests/helpers.py", "def same(a, b):\n    return a == b\n");
    write(
        "tests/test_cart.py",
        """
        from shop.cart import total
        from tests.helpers import same


        def test_total():
            same(total([1]), 1)


        def test_total_runs():
            total([1])
        """);
    assertEquals(List.of("tests/test_cart.py:5", "tests/test_cart.py:9"), findings(root));
    assertEquals(
        List.of("tests/test_cart.py:5", "tests/test_cart.py:9"),
        findings(root.resolve("tests/test_cart.py")));
    assertEquals(List.of(), findings(root.resolve("tests/helpers.py")), "only the file named");
  }

  private List<String> findings(Path path) {
    AuditRequest request =
        AuditRequest.builder(List.of(path))
            .select(List.of("TST001"))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 6, 1))
            .build();
    return new Audit()
        .run(request).findings().stream()
            .map(JudgedFinding::finding)
            .map(TestWithoutAssertionProjectTest::where)
            .toList();
  }

  private static String where(Finding f) {
    return f.path() + ":" + f.line();
  }

  private void write(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
