package dev.keel.rules.notebooks;

import dev.keel.finding.Severity;
import dev.keel.notebook.Notebook;
import dev.keel.rule.NotebookRule;
import dev.keel.rule.NotebookVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "NBK001",
    summary = "a saved output shows a password, token or key: everyone with the notebook has it",
    severity = Severity.ERROR,
    effortMinutes = 30)
final class SecretInOutput implements NotebookRule {
  /** A kind of secret and the shape of its value. */
  private record Shape(String what, Pattern pattern, int group) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape("an AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0),
          new Shape(
              "a GitHub token",
              Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{60,}"),
              0),
          new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0),
          new Shape(
              "a Slack webhook",
              Pattern.compile(
                  "https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}"),
              0),
          new Shape("a Stripe live key", Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{20,}"), 0),
          new Shape(
              "an OpenAI or Anthropic API key",
              Pattern.compile("\\bsk-(?:proj-|ant-(?:api\\d\\d-)?)?[A-Za-z0-9_-]{32,}"),
              0),
          new Shape(
              "a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"), 0),
          new Shape(
              "a private key",
              Pattern.compile(
                  "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
              0),
          new Shape(
              "a JSON web token",
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
              0),
          new Shape(
              "a password in a connection URL",
              Pattern.compile(
                  "\\b(?:postgres(?:ql)?|mysql|mongodb(?:\\+srv)?|redis|amqps?|mssql|oracle|https?"
                      + "|ftp)://[^\\s:/@'\"]+:([^\\s@/'\"]{4,})@[^\\s/'\"]+"),
              1),
          new Shape(
              "a secret assigned in the output",
              Pattern.compile(
                  "(?i)\\b(?:api[_-]?key|secret[_-]?key|client[_-]?secret|access[_-]?token"
                      + "|auth[_-]?token|password|passwd)['\"]?\\s*[:=]\\s*['\"]([^'\"\\s]{8,})['\"]"),
              1));

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i).*(?:x{3,}|\\*{3,}|\\.{3}|changeme|example|placeholder|your[-_]|<[^>]*>|\\$\\{"
              + "|\\{|%s|redacted|dummy|fake|sample|password|secret|token|test).*");

  @Override
  public void check(NotebookVisit notebook) {
    for (Notebook.Cell cell : notebook.notebook().codeCells()) {
      int n = 0;
      for (Notebook.Output output : cell.outputs()) {
        n++;
        // Sorted, so the message names the same part of an output whatever the map's order.
        for (Map.Entry<String, String> e : new TreeMap<>(output.texts()).entrySet()) {
          String found = find(e.getValue());
          if (found != null) {
            notebook.reportOutput(
                cell,
                output,
                "output "
                    + n
                    + " of cell "
                    + cell.index()
                    + " ("
                    + e.getKey()
                    + ") shows "
                    + found
                    + ": clear the output, rotate the secret, and keep outputs out of git"
                    + " (nbstripout)");
            break;
          }
        }
      }
    }
  }

  /** What the text leaks, with the value shortened, or null. */
  static String find(String text) {
    for (Shape s : SHAPES) {
      Matcher m = s.pattern().matcher(text);
      while (m.find()) {
        String value = m.group(s.group());
        if (s.group() > 0 && !looksRandom(value)) {
          continue;
        }
        return s.what() + " (" + redact(m.group()) + ")";
      }
    }
    return null;
  }

  /** A value with letters and digits, not a placeholder nor a word. */
  private static boolean looksRandom(String value) {
    if (PLACEHOLDER.matcher(value).matches()) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit && value.chars().distinct().count() >= 6;
  }

  /** The start of what was found, never the whole secret. */
  private static String redact(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    int keep = Math.min(8, one.length() / 3);
    return one.substring(0, keep) + "\u2026";
  }
}
