package dev.keel.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.rules.RuleRegistry;
import dev.keel.testing.Expectations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The meta-test of CONVENTIONS.md: every rule is registered, documented and has fixtures. */
class RuleRegistryTest {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2,3}[0-9]{3}");
  private static final Pattern CODE_AT_START = Pattern.compile("([A-Z]{2,3}[0-9]{3}) ");
  private static final Pattern FIXTURE_NAME =
      Pattern.compile("(?:test_)?([A-Z]{2,3}[0-9]{3})[^/]*\\.py");
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path PROJECTS = Path.of("src/test/resources/projects");

  @Test
  void everyRuleClassIsRegistered() throws Exception {
    Set<String> declared = new TreeSet<>();
    for (Class<?> c : ruleClasses()) {
      declared.add(c.getName());
    }
    Set<String> registered = new TreeSet<>();
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      registered.add(d.rule().getClass().getName());
    }
    assertFalse(declared.isEmpty(), "no @RuleSpec classes found under dev/keel/rules");
    assertEquals(declared, registered, "classes with @RuleSpec vs. RuleRegistry.standard()");
  }

  @Test
  void codesAreWellFormedAndNamesSayWhatIsWrong() {
    Set<String> names = new TreeSet<>();
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      assertTrue(CODE.matcher(d.code()).matches(), "code " + d.code());
      assertTrue(d.name().matches("[A-Z][A-Za-z0-9]+"), d.code() + " name " + d.name());
      assertTrue(names.add(d.name()), "name used twice: " + d.name());
      assertFalse(d.summary().isBlank(), d.code() + " has no summary");
      assertTrue(d.effortMinutes() > 0, d.code() + " has no effort");
    }
  }

  @Test
  void everyRuleHasItsDocumentationHeadingsInOrder() {
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      String doc = d.documentation();
      assertFalse(doc.isBlank(), d.code() + " " + d.name() + ".md is missing beside its class");
      int at = -1;
      for (String h : RuleDocs.HEADINGS) {
        int i = doc.indexOf("## " + h + "\n");
        assertTrue(
            i > at, d.code() + " documentation lacks '## " + h + "' (or it is out of order)");
        at = i;
      }
    }
  }

  /**
   * Each rule shows itself firing where FileRuleFixturesTest or ProjectFixturesTest checks it: a
   * file rule in a fixture named after its code ({@code fixtures/<family>/CODE*.py}) that carries
   * {@code # expect: CODE} (or {@code expect-file}) as a marker, a project rule as a {@code CODE
   * path} line of some {@code expected-findings.txt}. And each shows itself quiet: every fixture of
   * a file rule has code lines without its marker, and a project rule's family has a fixture
   * project where it does not fire.
   */
  @Test
  void everyRuleHasAFixtureThatFiresAndOneThatStaysQuiet() throws IOException {
    Map<String, List<Path>> fileFixtures = new TreeMap<>();
    try (Stream<Path> s = Files.walk(FIXTURES)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        Matcher m = FIXTURE_NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          fileFixtures.computeIfAbsent(m.group(1), c -> new ArrayList<>()).add(p);
        }
      }
    }
    Map<Path, Set<String>> projects = new TreeMap<>();
    try (Stream<Path> s = Files.walk(PROJECTS)) {
      for (Path p :
          s.filter(f -> f.getFileName().toString().equals("expected-findings.txt")).toList()) {
        Set<String> codes = new TreeSet<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          String l = line.strip();
          Matcher code = CODE_AT_START.matcher(l);
          if (!l.startsWith("#") && code.lookingAt()) {
            codes.add(code.group(1));
          }
        }
        projects.put(p.getParent(), codes);
      }
    }
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      String code = d.code();
      List<Path> own = fileFixtures.getOrDefault(code, List.of());
      if (!own.isEmpty()) {
        boolean fires = false;
        for (Path p : own) {
          List<String> lines = Files.readAllLines(p, StandardCharsets.ISO_8859_1);
          List<Expectations.Expected> marks = Expectations.parse(lines, code);
          fires |= !marks.isEmpty();
          Set<Integer> marked = new TreeSet<>();
          marks.forEach(e -> marked.add(e.line()));
          boolean quiet = false;
          for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            quiet |= !l.isEmpty() && !l.startsWith("#") && !marked.contains(i + 1);
          }
          if (!quiet) {
            problems.add(
                FIXTURES.relativize(p)
                    + " has no quiet line: add code where "
                    + code
                    + " must not fire");
          }
        }
        if (!fires) {
          problems.add(code + ": no fixture named after it carries '# expect: " + code + "'");
        }
        continue;
      }
      List<Path> firing =
          projects.entrySet().stream()
              .filter(e -> e.getValue().contains(code))
              .map(Map.Entry::getKey)
              .toList();
      if (firing.isEmpty()) {
        problems.add(
            code
                + (d.rule() instanceof FileRule
                    ? ": no fixtures/<family>/" + code + ".py"
                    : ": no expected-findings.txt lists it")
                + " (a fixture that shows it firing)");
        continue;
      }
      Set<Path> families = new TreeSet<>();
      firing.forEach(p -> families.add(PROJECTS.relativize(p).getName(0)));
      boolean quiet =
          projects.entrySet().stream()
              .anyMatch(
                  e ->
                      families.contains(PROJECTS.relativize(e.getKey()).getName(0))
                          && !e.getValue().contains(code));
      if (!quiet) {
        problems.add(
            code + ": every fixture project of its family reports it; add one where it is quiet");
      }
    }
    if (!problems.isEmpty()) {
      fail("fixtures:\n  " + String.join("\n  ", problems));
    }
  }

  private static List<Class<?>> ruleClasses() throws Exception {
    Path classes =
        Path.of(RuleSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path rules = classes.resolve("dev/keel/rules");
    List<Class<?>> out = new ArrayList<>();
    if (!Files.isDirectory(rules)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(rules)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name);
        if (c.isAnnotationPresent(RuleSpec.class)) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
