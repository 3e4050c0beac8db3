package dev.keel.rules.ci;

import dev.keel.finding.Span;
import dev.keel.project.ProjectFile;
import dev.keel.rule.ProjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub Actions workflows of a project ({@code .github/workflows/*.yml|yaml}), each read once
 * through {@link ProjectContext#read} (confined to the project, within its size limit, FIFOs and
 * links out of it skipped as for every file) and parsed once for all CI rules ({@link
 * ProjectContext#derived}).
 */
final class Workflows {
  private static final String FOLDER = ".github/workflows/";

  /** {@code ${{ … }}}: GitHub's expression syntax (no nesting; a string may hold braces). */
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);

  final List<Workflow> all;

  private Workflows(List<Workflow> all) {
    this.all = List.copyOf(all);
  }

  static Workflows of(ProjectContext project) {
    return project.derived(Workflows.class, Workflows::read);
  }

  private static Workflows read(ProjectContext project) {
    List<Workflow> out = new ArrayList<>();
    for (ProjectFile f : project.files(f -> isWorkflow(f.path()))) {
      Optional<String> text = project.read(f.path());
      if (text.isEmpty()) {
        continue; // not read (SYN002 says why) or gone
      }
      Object parsed = Yaml.parse(text.get());
      if (parsed instanceof Yaml.Broken b) {
        out.add(new Workflow(f.path(), text.get(), null, b));
      } else {
        out.add(new Workflow(f.path(), text.get(), Yaml.asMap((Yaml) parsed), null));
      }
    }
    return new Workflows(out);
  }

  static boolean isWorkflow(String path) {
    return path.startsWith(FOLDER)
        && path.indexOf('/', FOLDER.length()) < 0
        && (path.endsWith(".yml") || path.endsWith(".yaml"));
  }

  /** The workflows that parsed. */
  List<Workflow> parsed() {
    return all.stream().filter(w -> w.root != null).toList();
  }

  /** One workflow file: its text and its tree, or why it does not parse. */
  static final class Workflow {
    final String path;
    final String text;
    final Yaml.Mapping root;
    final Yaml.Broken broken;
    private int[] lineStarts;

    Workflow(String path, String text, Yaml.Mapping root, Yaml.Broken broken) {
      this.path = path;
      this.text = text;
      this.root = root;
      this.broken = broken;
    }

    /**
     * The events that trigger it: {@code on: push}, {@code on: [push, pull_request]} or the keys of
     * {@code on:}. (YAML 1.1 reads a bare {@code on} key as {@code true}; Jackson keeps keys as
     * text, so both spellings are looked at.)
     */
    Set<String> triggers() {
      Set<String> out = new TreeSet<>();
      Optional<Yaml> on = root.get("on").or(() -> root.get("true"));
      on.ifPresent(
          o -> {
            switch (o) {
              case Yaml.Scalar s -> out.add(s.text());
              case Yaml.Seq q ->
                  q.items().forEach(i -> out.add(i instanceof Yaml.Scalar s ? s.text() : ""));
              case Yaml.Mapping m -> m.entries().forEach(e -> out.add(e.key().text()));
            }
          });
      return out;
    }

    /** The jobs in file order, with their ids. */
    List<Job> jobs() {
      List<Job> out = new ArrayList<>();
      root.map("jobs")
          .ifPresent(
              j -> {
                for (Yaml.Entry e : j.entries()) {
                  out.add(new Job(e.key(), Yaml.asMap(e.value())));
                }
              });
      return out;
    }

    /**
     * Whether a {@code # zizmor: ignore[AUDIT]} comment on a line from {@code from} to {@code to}
     * (1-based, inclusive) names {@code audit}: zizmor's own suppression of the same finding, so a
     * team that uses zizmor does not suppress it twice.
     */
    boolean zizmorIgnores(String audit, int from, int to) {
      for (int l = Math.max(1, from); l <= to; l++) {
        String line = line(l);
        int at = line.indexOf("zizmor: ignore[");
        if (at >= 0 && line.lastIndexOf('#', at) >= 0) {
          int end = line.indexOf(']', at);
          String names =
              line.substring(at + "zizmor: ignore[".length(), end < 0 ? line.length() : end);
          for (String n : names.split(",")) {
            if (n.strip().equals(audit)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    /** A span of {@code length} characters at a node's start (whole key for a key). */
    Span spanAt(Yaml.Mark m, int length) {
      return new Span(m.line(), m.column(), m.line(), m.column() + Math.max(1, length));
    }

    /**
     * Where each {@code ${{ … }}} of a scalar sits in the file: the scalar's text is unfolded (a
     * block scalar's lines, a quoted string's escapes), so the file's own text is searched from the
     * scalar's start for the same expressions in the same order.
     */
    List<Located> expressions(Yaml.Scalar s) {
      List<Located> out = new ArrayList<>();
      Matcher inValue = EXPRESSION.matcher(s.text());
      int from = offsetOf(s.mark());
      Matcher inFile = EXPRESSION.matcher(text);
      while (inValue.find()) {
        String inner = inValue.group(1).strip().replaceAll("\\s+", " ");
        int line = s.mark().line();
        int column = s.mark().column();
        int length = inValue.group().length();
        if (from >= 0 && inFile.find(from)) {
          int start = inFile.start();
          line = lineOf(start);
          column = start - lineStarts[line - 1] + 1;
          from = inFile.end();
          String found = inFile.group();
          length = found.indexOf('\n') < 0 ? found.length() : 3;
        } else {
          from = -1;
        }
        out.add(new Located(inner, new Span(line, column, line, column + length)));
      }
      return out;
    }

    /** The offset of a 1-based line and column in the text. */
    int offsetOf(Yaml.Mark m) {
      starts();
      if (m.line() > lineStarts.length) {
        return -1;
      }
      return Math.min(text.length(), lineStarts[m.line() - 1] + m.column() - 1);
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
      starts();
      int lo = 0;
      int hi = lineStarts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (lineStarts[mid] <= offset) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo + 1;
    }

    /** Line {@code line} (1-based) of the file, without its end. */
    String line(int line) {
      starts();
      if (line < 1 || line > lineStarts.length) {
        return "";
      }
      int start = lineStarts[line - 1];
      int end = line < lineStarts.length ? lineStarts[line] : text.length();
      return text.substring(start, end).stripTrailing();
    }

    private void starts() {
      if (lineStarts != null) {
        return;
      }
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** A job: its id (with where it is written) and its body. */
  record Job(Yaml.Scalar id, Yaml.Mapping body) {
    /** Its steps, each a mapping (anything else is skipped). */
    List<Yaml.Mapping> steps() {
      List<Yaml.Mapping> out = new ArrayList<>();
      body.get("steps")
          .ifPresent(
              s -> {
                if (s instanceof Yaml.Seq q) {
                  for (Yaml item : q.items()) {
                    if (item instanceof Yaml.Mapping m) {
                      out.add(m);
                    }
                  }
                }
              });
      return out;
    }
  }

  /** An expression's text inside {@code ${{ }}} and where the whole of it is. */
  record Located(String expression, Span span) {}
}
