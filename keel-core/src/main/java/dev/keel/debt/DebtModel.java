package dev.keel.debt;

import dev.keel.finding.Severity;
import java.util.Locale;
import java.util.Map;

/**
 * The remediation model, as SonarQube's SQALE implementation has it so the figures can be held next
 * to each other: a finding costs its rule's effort in minutes; the debt ratio is debt ÷ (cost per
 * line × lines of code), 30 minutes a line by default (SonarQube's {@code
 * sonar.technicalDebt.developmentCost}); the maintainability rating is A up to 5%, B up to 10%, C
 * up to 20%, D up to 50%, E above. Reliability and security ratings come from the worst open
 * finding of those families: A none, B info, C warning, D error (SonarQube's minor, major and
 * critical; Keel has no blocker, so no E).
 */
public final class DebtModel {
  /** SonarQube's default development cost of one line of code, in minutes. */
  public static final double DEFAULT_COST_PER_LINE = 30;

  /** A working day, as SonarQube counts one (8 hours). */
  public static final int MINUTES_PER_DAY = 8 * 60;

  private DebtModel() {}

  /** The maintainability rating of a debt ratio (0.04 is 4%). */
  public static char rating(double ratio) {
    if (ratio <= 0.05) {
      return 'A';
    }
    if (ratio <= 0.10) {
      return 'B';
    }
    if (ratio <= 0.20) {
      return 'C';
    }
    if (ratio <= 0.50) {
      return 'D';
    }
    return 'E';
  }

  /** The rating from the worst open finding of a family; null for none. */
  public static char worstRating(Severity worst) {
    if (worst == null) {
      return 'A';
    }
    return switch (worst) {
      case INFO -> 'B';
      case WARNING -> 'C';
      case ERROR -> 'D';
    };
  }

  /** {@code 3 h 20 min}, {@code 2 d 1 h} (8-hour days), {@code 15 min}. */
  public static String words(long minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < MINUTES_PER_DAY) {
      long h = minutes / 60;
      long m = minutes % 60;
      return h + " h" + (m == 0 ? "" : " " + m + " min");
    }
    long d = minutes / MINUTES_PER_DAY;
    long h = (minutes % MINUTES_PER_DAY) / 60;
    return d + " d" + (h == 0 ? "" : " " + h + " h");
  }

  /** {@code 4.2%}. */
  public static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  private static final Map<String, String> FAMILIES =
      Map.ofEntries(
          Map.entry("SYN", "Syntax"),
          Map.entry("NAM", "Names"),
          Map.entry("ARC", "Architecture"),
          Map.entry("CFG", "Configuration and start-up"),
          Map.entry("TYP", "Types"),
          Map.entry("CPX", "Complexity"),
          Map.entry("REL", "Reliability"),
          Map.entry("SEC", "Security"),
          Map.entry("TST", "Tests"),
          Map.entry("NBK", "Notebooks"),
          Map.entry("PRJ", "Project hygiene"),
          Map.entry("DEP", "Dependencies"),
          Map.entry("DOC", "Documentation"),
          Map.entry("LOG", "Logging"));

  private static final Map<String, String> RISKS =
      Map.ofEntries(
          Map.entry(
              "SYN",
              "Files that do not parse cannot ship: whatever imports them fails at start-up, and no"
                  + " other check sees inside them."),
          Map.entry(
              "NAM",
              "Undefined names crash in the code paths tests miss; unused ones make every reader"
                  + " stop and wonder, so changes take longer."),
          Map.entry(
              "ARC",
              "Tangled structure makes every feature cost more than the last: modules that cannot"
                  + " be changed, tested or reused alone slow the team, and new people take longer"
                  + " to find their way."),
          Map.entry(
              "CFG",
              "Configuration read all over the code and work done at import time cause failed"
                  + " deployments and environment-specific outages, and make tests slow and"
                  + " flaky."),
          Map.entry(
              "TYP",
              "Without types the contracts between parts of the code stay implicit: refactoring is"
                  + " riskier, onboarding slower, and mistakes reach users instead of the type"
                  + " checker."),
          Map.entry(
              "CPX",
              "Complex, long functions are where bugs hide and changes take longest: each costs"
                  + " extra review and test time whenever it is touched, and more each time it"
                  + " grows."),
          Map.entry(
              "REL",
              "Reliability findings become outages and lost data: calls that hang without a"
                  + " timeout, errors swallowed so nobody knows, time-zone bugs that corrupt"
                  + " records."),
          Map.entry(
              "SEC",
              "Security findings are how data leaks and systems are taken over: each is an open"
                  + " door until it is closed, and a breach costs far more than the fix."),
          Map.entry(
              "TST",
              "Gaps in the tests let regressions reach users: every change to untested code is a"
                  + " gamble, and a bug found in production costs many times one found in CI."),
          Map.entry(
              "NBK",
              "Notebooks others depend on hold untested logic and secrets: results cannot be"
                  + " reproduced, and credentials spread with every copy."),
          Map.entry(
              "PRJ",
              "Missing project basics (lockfile, formatter, type checker, CI, a README that says"
                  + " how to run it) make builds unrepeatable and onboarding slow: new people lose"
                  + " days, and a release breaks on a dependency nobody pinned."),
          Map.entry(
              "DEP",
              "Undeclared or unused dependencies break fresh installs and widen the attack"
                  + " surface: a new environment fails, or ships code nobody uses."));

  /** The family's name in words: {@code Reliability}. */
  public static String familyName(String prefix) {
    return FAMILIES.getOrDefault(prefix, prefix);
  }

  /** What happens if this family's debt is not paid, in product terms. */
  public static String risk(String prefix) {
    return RISKS.getOrDefault(
        prefix, "Debt of this kind makes each change slower and riskier until it is paid.");
  }
}
