package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
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
