package dev.keel.report;

import dev.keel.finding.Finding;
import dev.keel.finding.Span;
import dev.keel.judge.JudgedFinding;
import java.io.PrintWriter;

/**
 * GitHub Actions workflow commands: one {@code ::error}/{@code ::warning}/{@code ::notice} line per
 * new finding, which the runner turns into annotations on the pull request. Baselined findings are
 * accepted debt and are not annotated. Path and message are {@link Escape escaped} first, then
 * encoded as the runner decodes them, so each command is one line whatever the repository holds.
 */
final class GithubReporter implements Reporter {
  @Override
  public void write(Report result, PrintWriter out) {
    for (JudgedFinding j : result.newFindings()) {
      Finding f = j.finding();
      String command =
          switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
          };
      StringBuilder line = new StringBuilder("::").append(command);
      line.append(" file=").append(property(Escape.text(f.path())));
      if (f.span().isPresent() && f.cell().isPresent()) {
        line.append(",line=").append(f.cell().get().notebookLine());
      } else if (f.span().isPresent()) {
        Span s = f.span().get();
        line.append(",line=").append(s.line());
        line.append(",col=").append(s.column());
        line.append(",endLine=").append(s.endLine());
        if (s.endLine() == s.line()) {
          line.append(",endColumn=").append(s.endColumn());
        }
      }
      line.append(",title=")
          .append(
              property(
                  "Keel "
                      + f.code()
                      + f.cell()
                          .filter(c -> f.span().isPresent())
                          .map(c -> " " + c.where())
                          .orElse("")));
      line.append("::").append(data(f.code() + " " + Escape.text(f.message())));
      out.println(line);
    }
  }

  /** Escapes a message as the runner expects. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value, where {@code :} and {@code ,} also separate fields. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
