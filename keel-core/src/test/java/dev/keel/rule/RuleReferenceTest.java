package dev.keel.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in rule reference (docs/rules/) and README's rule table match the declarations. Run
 * with {@code -Dkeel.updateDocs=true} to rewrite them.
 */
class RuleReferenceTest {
  private static final Path DOCS = Path.of("../docs/rules");
  private static final Path README = Path.of("../README.md");
  private static final boolean UPDATE = Boolean.getBoolean("keel.updateDocs");

  @Test
  void docsRulesIsFresh() throws IOException {
    List<RuleDescriptor> rules = RuleRegistry.standard().all();
    if (UPDATE) {
      Files.createDirectories(DOCS);
      try (Stream<Path> old = Files.list(DOCS)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      Files.writeString(DOCS.resolve("README.md"), RuleReference.index(rules));
      for (RuleDescriptor d : rules) {
        Files.writeString(DOCS.resolve(d.code() + ".md"), RuleReference.page(d));
      }
    }
    Set<String> expected = new TreeSet<>();
    expected.add("README.md");
    assertEquals(RuleReference.index(rules), read(DOCS.resolve("README.md")), stale());
    for (RuleDescriptor d : rules) {
      expected.add(d.code() + ".md");
      assertEquals(RuleReference.page(d), read(DOCS.resolve(d.code() + ".md")), stale());
    }
    Set<String> actual = new TreeSet<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      files.forEach(p -> actual.add(p.getFileName().toString()));
    }
    assertEquals(expected, actual, stale());
  }

  @Test
  void readmeRuleTableIsFresh() throws IOException {
    String readme = read(README);
    String start = "<!-- rules:start -->\n";
    String end = "<!-- rules:end -->";
    int a = readme.indexOf(start);
    int b = readme.indexOf(end);
    assertTrue(a >= 0 && b > a, "README.md lacks the rules markers");
    String table = RuleReference.table(RuleRegistry.standard().all(), "docs/rules/");
    String fresh = readme.substring(0, a + start.length()) + table + readme.substring(b);
    if (UPDATE) {
      Files.writeString(README, fresh, StandardCharsets.UTF_8);
      readme = fresh;
    }
    assertEquals(fresh, readme, stale());
  }

  private static String stale() {
    return "rule reference is stale: run ./mvnw -pl keel-core -am test -Dtest=RuleReferenceTest "
        + "-Dsurefire.failIfNoSpecifiedTests=false -Dkeel.updateDocs=true";
  }

  private static String read(Path p) throws IOException {
    return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
