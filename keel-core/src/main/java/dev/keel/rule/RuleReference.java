package dev.keel.rule;

import java.util.List;
import java.util.Locale;

/**
 * A rule's documentation rendered once from its declaration and its Markdown document: the pages
 * under {@code docs/rules/}, the rule table in README.md and what {@code keel explain CODE} prints
 * ({@link #explanation}). A test keeps the checked-in copies fresh.
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
    return "# "
        + title(d)
        + "\n\n"
        + d.summary()
        + "\n\n"
        + facts(d, " · ")
        + "\n\n"
        + body(d)
        + "\n";
  }

  /** What {@code keel explain CODE} prints: the page's text as plain lines for a terminal. */
  public static String explanation(RuleDescriptor d) {
    return title(d) + "\n" + d.summary() + "\n" + facts(d, "  ") + "\n\n" + body(d) + "\n";
  }

  private static String title(RuleDescriptor d) {
    return d.code() + " " + d.name();
  }

  private static String facts(RuleDescriptor d, String separator) {
    return "Severity: "
        + d.severity().label()
        + separator
        + "Effort: "
        + d.effortMinutes()
        + " min"
        + separator
        + "Scope: "
        + d.scope().name().toLowerCase(Locale.ROOT);
  }

  /** The rule's document without its own title, which repeats the code and name. */
  private static String body(RuleDescriptor d) {
    String doc = d.documentation().strip();
    if (doc.startsWith("# ")) {
      int nl = doc.indexOf('\n');
      doc = nl < 0 ? "" : doc.substring(nl + 1).strip();
    }
    return doc;
  }
}
