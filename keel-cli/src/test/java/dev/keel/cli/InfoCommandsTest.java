package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoCommandsTest {
  @Test
  void rulesListsEveryRule() {
    Cli.Outcome o = Cli.run("rules");
    assertEquals(0, o.code());
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      assertTrue(o.out().contains(d.code() + " "), d.code());
      assertTrue(o.out().contains(d.name()), d.name());
    }
  }

  @Test
  void explainPrintsTheDocumentation() {
    Cli.Outcome o = Cli.run("explain", "prj001");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("PRJ001 "), o.out());
    assertTrue(o.out().contains("## What it does"), o.out());
    assertTrue(o.out().contains("## Why is this bad?"), o.out());
    assertTrue(o.out().contains("Severity: "), o.out());
  }

  /**
   * {@code keel explain CODE} says what the rule's page in docs/rules/ says, line for line: the
   * page's title without its {@code #}, its summary and facts without the blank lines between them
   * (and two spaces for the {@code ·}), then the same document.
   */
  @Test
  void explainSaysWhatTheRulesPageSays() throws IOException {
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      Cli.Outcome o = Cli.run("explain", d.code());
      assertEquals(0, o.code(), o.err());
      List<String> page =
          Files.readAllLines(Path.of("../docs/rules", d.code() + ".md"), StandardCharsets.UTF_8);
      List<String> expected = new ArrayList<>();
      expected.add(page.get(0).substring("# ".length()));
      expected.add(page.get(2));
      expected.add(page.get(4).replace(" · ", "  "));
      expected.addAll(page.subList(5, page.size()));
      assertEquals(expected, o.out().lines().toList(), d.code());
    }
  }

  @Test
  void version() {
    Cli.Outcome o = Cli.run("version");
    assertEquals(0, o.code());
    assertTrue(o.out().matches("keel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), o.out());
    assertEquals(o.out(), Cli.run("--version").out());
  }

  @Test
  void noCommandPrintsUsage() {
    Cli.Outcome o = Cli.run();
    assertEquals(0, o.code());
    assertTrue(o.out().contains("Usage: keel"), o.out());
    assertTrue(o.out().contains("check"), o.out());
  }
}
