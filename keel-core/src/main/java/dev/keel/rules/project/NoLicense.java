package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tomlj.TomlParseResult;

@RuleSpec(
    code = "PRJ014",
    summary = "The project states no licence",
    severity = Severity.INFO,
    effortMinutes = 10,
    needs = Needs.FILES)
final class NoLicense implements ProjectRule {
  private static final Pattern SETUP_CFG_LICENSE =
      Pattern.compile("(?m)^\\s*license(?:_files?)?\\s*=\\s*\\S");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    boolean file =
        !project
            .files(
                f -> {
                  if (f.path().startsWith("LICENSES/")) {
                    return true; // REUSE: one file per licence
                  }
                  if (f.path().contains("/")) {
                    return false;
                  }
                  String n = f.name().toUpperCase(Locale.ROOT);
                  return n.startsWith("LICENSE")
                      || n.startsWith("LICENCE")
                      || n.startsWith("COPYING");
                })
            .isEmpty();
    if (file || declared(project)) {
      return;
    }
    out.report(
        "LICENSE",
        "no licence: without a LICENSE file or a license in [project], nobody may legally use,"
            + " change or share the code");
  }

  private static boolean declared(ProjectContext project) {
    Optional<TomlParseResult> toml = project.pyproject();
    if (toml.isPresent()) {
      TomlParseResult t = toml.get();
      if (t.contains("project.license")
          || t.contains("project.license-files")
          || t.contains("tool.poetry.license")
          || Pyproject.strings(t, "project.dynamic").contains("license")) {
        return true;
      }
    }
    return project.read("setup.cfg").map(s -> SETUP_CFG_LICENSE.matcher(s).find()).orElse(false);
  }
}
