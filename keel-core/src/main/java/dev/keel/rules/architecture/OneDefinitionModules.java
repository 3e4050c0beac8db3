package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.project.FileKind;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.BindingKind;
import dev.keel.semantic.ModuleSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@RuleSpec(
    code = "ARC009",
    summary = "most modules of a package hold a single class or function and little else",
    severity = Severity.INFO,
    effortMinutes = 60)
final class OneDefinitionModules implements ProjectRule {
  static final int MIN_MODULES = 5;
  static final double SHARE = 0.7;

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Map<String, List<ModuleSummary>> byPackage = new TreeMap<>();
    Map<String, String> initPath = new TreeMap<>();
    for (ModuleSummary s : project.modules()) {
      boolean test =
          project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(true);
      if (s.module().isEmpty() || test) {
        continue;
      }
      if (s.isPackageInit()) {
        initPath.put(s.module(), s.path());
        continue;
      }
      int dot = s.module().lastIndexOf('.');
      if (dot > 0) {
        byPackage.computeIfAbsent(s.module().substring(0, dot), k -> new ArrayList<>()).add(s);
      }
    }
    for (var e : byPackage.entrySet()) {
      List<ModuleSummary> mods = e.getValue();
      if (mods.size() < MIN_MODULES || oneDefinitionByTheFrameworksRule(e.getKey())) {
        continue;
      }
      long single = mods.stream().filter(OneDefinitionModules::holdsOneDefinition).count();
      if (single < SHARE * mods.size()) {
        continue;
      }
      String path = initPath.get(e.getKey());
      if (path == null) {
        String p = mods.get(0).path();
        path = p.substring(0, Math.max(0, p.lastIndexOf('/')));
      }
      out.report(
          path,
          "package "
              + e.getKey()
              + ": "
              + single
              + " of its "
              + mods.size()
              + " modules hold a single class or function: one-definition-per-file spreads each"
              + " feature over many files and imports; group definitions that change together");
    }
  }

  /**
   * Packages where a framework asks for one definition per module: Django's management commands
   * (one {@code Command} class per file, named after the command) and migrations (one {@code
   * Migration} per file), alembic's {@code versions/}.
   */
  static boolean oneDefinitionByTheFrameworksRule(String pkg) {
    return pkg.endsWith(".management.commands")
        || pkg.equals("management.commands")
        || pkg.endsWith("migrations")
        || pkg.endsWith(".versions") && pkg.contains("alembic");
  }

  /** One top-level function or class, and apart from imports and dunders nothing else. */
  static boolean holdsOneDefinition(ModuleSummary s) {
    int defs = 0;
    int other = 0;
    for (ModuleSummary.Definition d : s.definitions()) {
      if (d.kind().isImport() || d.name().startsWith("__")) {
        continue;
      }
      if (d.kind() == BindingKind.FUNCTION || d.kind() == BindingKind.CLASS) {
        defs++;
      } else {
        other++;
      }
    }
    return defs == 1 && other <= 1;
  }
}
