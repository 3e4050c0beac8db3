package dev.keel.rules.tests;

import dev.keel.finding.Severity;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.BindingKind;
import dev.keel.semantic.ModuleSummary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleSpec(
    code = "TST003",
    summary = "a module with functions or classes has no test module mirroring it",
    severity = Severity.INFO,
    effortMinutes = 30)
final class UntestedModule implements ProjectRule {
  private static final Pattern DEFINES =
      Pattern.compile("(?m)^[ \\t]*(?:async[ \\t]+def|def|class)[ \\t]+\\w");

  /** Files that are entry points or tooling, not modules a unit test mirrors. */
  private static final Set<String> NOT_UNITS =
      Set.of(
          "__init__.py",
          "__main__.py",
          "conftest.py",
          "setup.py",
          "noxfile.py",
          "manage.py",
          "fabfile.py",
          "tasks.py",
          "wsgi.py",
          "asgi.py");

  /** Folders whose modules are not the product: documentation, examples, scripts, migrations. */
  private static final Set<String> NOT_PRODUCT =
      Set.of(
          "docs",
          "doc",
          "examples",
          "example",
          "scripts",
          "script",
          "migrations",
          "bench",
          "benchmarks",
          "tools");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<ProjectFile> tests = project.files(f -> f.kind() == FileKind.TEST);
    Set<String> tested = new HashSet<>();
    for (ProjectFile t : tests) {
      String stem = stem(t.name());
      if (stem.startsWith("test_")) {
        tested.add(stem.substring(5));
      } else if (stem.endsWith("_test")) {
        tested.add(stem.substring(0, stem.length() - 5));
      } else if (stem.startsWith("test") && stem.length() > 4) {
        tested.add(stem.substring(4).toLowerCase(java.util.Locale.ROOT));
      }
    }
    java.util.Map<String, ModuleSummary> summaries = new java.util.HashMap<>();
    for (ModuleSummary m : project.modules()) {
      summaries.put(m.path(), m);
    }
    for (ProjectFile f : project.files(f -> f.kind() == FileKind.SOURCE)) {
      if (NOT_UNITS.contains(f.name()) || inNonProductFolder(f.path()) || f.module().isEmpty()) {
        continue;
      }
      String stem = stem(f.name());
      if (tested.contains(stem) || tested.contains(stem.replaceFirst("^_+", ""))) {
        continue;
      }
      ModuleSummary summary = summaries.get(f.path());
      boolean defines =
          summary != null
              ? summary.definitions().stream()
                  .anyMatch(d -> d.kind() == BindingKind.FUNCTION || d.kind() == BindingKind.CLASS)
              : project.read(f.path()).map(t -> DEFINES.matcher(t).find()).orElse(false);
      if (!defines) {
        continue;
      }
      out.report(
          f.path(),
          "no test module for "
              + f.module().get()
              + " (looked for test_"
              + stem
              + ".py and "
              + stem
              + "_test.py"
              + (tests.isEmpty() ? "; the project has no tests at all" : "")
              + "): its functions and classes change without a test noticing");
    }
  }

  private static boolean inNonProductFolder(String path) {
    for (String part : path.split("/")) {
      if (NOT_PRODUCT.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static String stem(String name) {
    return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
  }
}
