package dev.keel.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.rules.RuleRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The meta-test of CONVENTIONS.md: every rule is registered, documented and has fixtures. */
class RuleRegistryTest {
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}[0-9]{3}");

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

  @Test
  void everyRuleHasAFixture() throws IOException, URISyntaxException {
    Path resources = Path.of("src/test/resources");
    String all;
    try (Stream<Path> files = Files.walk(resources)) {
      StringBuilder sb = new StringBuilder();
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.equals("expected-findings.txt") || name.endsWith(".py")) {
          sb.append(Files.readString(p, StandardCharsets.ISO_8859_1)).append('\n');
        }
      }
      all = sb.toString();
    }
    List<String> missing = new ArrayList<>();
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      boolean lineMarker = all.contains("expect: " + d.code()) || all.contains(", " + d.code());
      boolean projectMarker = Pattern.compile("(?m)^" + d.code() + " ").matcher(all).find();
      if (!lineMarker && !projectMarker) {
        missing.add(d.code());
      }
    }
    if (!missing.isEmpty()) {
      fail("rules without a fixture that shows them firing: " + missing);
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
