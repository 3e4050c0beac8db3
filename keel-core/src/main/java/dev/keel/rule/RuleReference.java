package dev.keel.rule;

import java.util.List;
import java.util.Locale;

/**
 * The rule reference under {@code docs/rules/} and the rule table in README.md, generated from the
 * same declarations {@code keel explain} reads. A test keeps the checked-in copies fresh.
 */
public final class RuleReference {
  private RuleReference() {}

  /** The table of every rule, each linked to its page. */
  public static String table(List<RuleDescriptor> rules, String linkPrefix) {
    StringBuilder s = new StringBuilder();
    s.append("| code | name | severity | effort | what it finds |\n");
    s.append("| --- | --- | --- | --- | --- |\n");
    for (RuleDescriptor d : rules) {
      s.append("| [")
          .append(d.code())
          .append("](")
          .append(linkPrefix)
          .append(d.code())
          .append(".md) | ")
          .append(d.name())
          .append(" | ")
          .append(d.severity().label())
          .append(" | ")
          .append(d.effortMinutes())
          .append(" min | ")
          .append(d.summary().replace("|", "\\|"))
          .append(" |\n");
    }
    return s.toString();
  }

  /** {@code docs/rules/README.md}. */
  public static String index(List<RuleDescriptor> rules) {
    return "# Rule reference\n\n"
        + "Generated from the rule declarations (the same text `keel explain CODE` prints).\n\n"
        + table(rules, "");
  }

  /** {@code docs/rules/CODE.md}. */
  public static String page(RuleDescriptor d) {
    String doc = d.documentation().strip();
    if (doc.startsWith("# ")) {
      int nl = doc.indexOf('\n');
      doc = nl < 0 ? "" : doc.substring(nl + 1).strip();
    }
    return "# "
        + d.code()
        + " "
        + d.name()
        + "\n\n"
        + d.summary()
        + "\n\n"
        + "Severity: "
        + d.severity().label()
        + " · Effort: "
        + d.effortMinutes()
        + " min · Scope: "
        + d.scope().name().toLowerCase(Locale.ROOT)
        + "\n\n"
        + doc
        + "\n";
  }
}
