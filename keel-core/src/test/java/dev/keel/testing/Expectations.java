package dev.keel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expectation markers of a fixture and their comparison with what a rule reported, so that a
 * failing fixture says per line what is wrong, with the source line: {@code missing REL001 on line
 * 24: except OSError:}, {@code unexpected REL001 on line 31: ...}, {@code REL001 twice on line 9,
 * expected once: ...}.
 *
 * <p>Markers: {@code # expect: CODE} on the line a finding is about (several: {@code # expect:
 * CODE, CODE}; the same code twice expects two findings), optionally with a fragment the finding's
 * message must contain ({@code # expect: REL001 "bare except"}); {@code # expect-file: CODE}
 * anywhere expects a finding about the whole file (line 0).
 */
public final class Expectations {
  private Expectations() {}

  /** One expected finding: its line (0: the whole file) and an optional message fragment. */
  public record Expected(String code, int line, Optional<String> fragment) {}

  /** One reported finding, as far as a fixture cares. */
  public record Reported(String code, int line, String message) {}

  private static final Pattern MARKER = Pattern.compile("#\\s*expect(-file)?:");
  private static final Pattern ITEM =
      Pattern.compile("\\G\\s*,?\\s*([A-Z]{2,3}[0-9]{3})(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?");

  /** Every marker of every code in {@code lines} (line numbers from 1). */
  public static List<Expected> parse(List<String> lines) {
    List<Expected> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      while (m.find()) {
        int line = m.group(1) != null ? 0 : i + 1;
        Matcher item = ITEM.matcher(lines.get(i));
        item.region(m.end(), lines.get(i).length());
        while (item.find()) {
          Optional<String> fragment =
              Optional.ofNullable(item.group(2)).map(f -> f.replaceAll("\\\\(.)", "$1"));
          out.add(new Expected(item.group(1), line, fragment));
        }
      }
    }
    return out;
  }

  /** The markers of {@code code} only. */
  public static List<Expected> parse(List<String> lines, String code) {
    return parse(lines).stream().filter(e -> e.code().equals(code)).toList();
  }

  /**
   * What is wrong, one line each (empty when the findings are exactly the expected ones): a line
   * with fewer or more findings of a code than it has markers, and an expected message fragment no
   * finding on its line contains. {@code source} gives the text of each line, from 1.
   */
  public static List<String> compare(
      List<String> source, List<Expected> expected, List<Reported> reported) {
    TreeMap<String, TreeMap<Integer, List<Expected>>> wanted = new TreeMap<>();
    for (Expected e : expected) {
      wanted
          .computeIfAbsent(e.code(), c -> new TreeMap<>())
          .computeIfAbsent(e.line(), l -> new ArrayList<>())
          .add(e);
    }
    TreeMap<String, TreeMap<Integer, List<String>>> got = new TreeMap<>();
    for (Reported r : reported) {
      got.computeIfAbsent(r.code(), c -> new TreeMap<>())
          .computeIfAbsent(r.line(), l -> new ArrayList<>())
          .add(r.message());
    }
    TreeSet<String> codes = new TreeSet<>(wanted.keySet());
    codes.addAll(got.keySet());
    List<String> problems = new ArrayList<>();
    for (String code : codes) {
      TreeMap<Integer, List<Expected>> w = wanted.getOrDefault(code, new TreeMap<>());
      TreeMap<Integer, List<String>> g = got.getOrDefault(code, new TreeMap<>());
      TreeSet<Integer> lines = new TreeSet<>(w.keySet());
      lines.addAll(g.keySet());
      for (int line : lines) {
        List<Expected> want = w.getOrDefault(line, List.of());
        List<String> messages = g.getOrDefault(line, List.of());
        String where = where(line) + ": " + text(source, line);
        if (messages.isEmpty()) {
          problems.add("missing " + code + fragments(want) + " " + where);
        } else if (want.isEmpty()) {
          problems.add(
              "unexpected " + code + " " + where + "  (reported: " + quoted(messages) + ")");
        } else if (want.size() != messages.size()) {
          problems.add(
              code
                  + " "
                  + times(messages.size())
                  + " "
                  + where(line)
                  + ", expected "
                  + times(want.size())
                  + ": "
                  + text(source, line)
                  + "  (reported: "
                  + quoted(messages)
                  + ")");
        } else {
          List<String> left = new ArrayList<>(messages);
          for (Expected e : want) {
            if (e.fragment().isEmpty()) {
              continue;
            }
            Optional<String> match =
                left.stream().filter(msg -> msg.contains(e.fragment().get())).findFirst();
            if (match.isPresent()) {
              left.remove(match.get());
            } else {
              problems.add(
                  "missing "
                      + code
                      + " \""
                      + e.fragment().get()
                      + "\" "
                      + where
                      + "  (reported: "
                      + quoted(messages)
                      + ")");
            }
          }
        }
      }
    }
    return problems;
  }

  /**
   * The same comparison for a fixture project: {@code expected} and {@code reported} are keys of
   * {@code expected-findings.txt}'s form, {@code CODE path} or {@code CODE path:line}, and {@code
   * messages} the reported messages by key; the source line is read from {@code root}.
   */
  public static List<String> compareKeys(
      Path root, List<String> expected, List<String> reported, Map<String, List<String>> messages) {
    TreeMap<String, Integer> want = new TreeMap<>();
    expected.forEach(k -> want.merge(k, 1, Integer::sum));
    TreeMap<String, Integer> got = new TreeMap<>();
    reported.forEach(k -> got.merge(k, 1, Integer::sum));
    TreeSet<String> keys = new TreeSet<>(want.keySet());
    keys.addAll(got.keySet());
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      int w = want.getOrDefault(key, 0);
      int g = got.getOrDefault(key, 0);
      String said = "  (reported: " + quoted(messages.getOrDefault(key, List.of())) + ")";
      if (g == 0) {
        problems.add("missing " + key + sourceAt(root, key));
      } else if (w == 0) {
        problems.add("unexpected " + key + sourceAt(root, key) + said);
      } else if (w != g) {
        problems.add(
            key + " reported " + times(g) + ", expected " + times(w) + sourceAt(root, key) + said);
      }
    }
    return problems;
  }

  /** {@code ": <line text>"} of a {@code CODE path:line} key, or nothing for a path alone. */
  private static String sourceAt(Path root, String key) {
    Matcher m = Pattern.compile("\\S+ (.+):([0-9]+)").matcher(key);
    if (!m.matches()) {
      return "";
    }
    try {
      List<String> lines =
          Files.readAllLines(root.resolve(m.group(1)), StandardCharsets.ISO_8859_1);
      return ": " + text(lines, Integer.parseInt(m.group(2)));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String where(int line) {
    return line == 0 ? "on the whole file" : "on line " + line;
  }

  private static String text(List<String> source, int line) {
    if (line == 0) {
      return "(# expect-file)";
    }
    if (line > source.size()) {
      return "(past the end of the file)";
    }
    String text = source.get(line - 1);
    Matcher marker = MARKER.matcher(text);
    String code = (marker.find() ? text.substring(0, marker.start()) : text).strip();
    return code.isEmpty() ? "(blank line)" : code;
  }

  private static String fragments(List<Expected> want) {
    StringBuilder sb = new StringBuilder();
    for (Expected e : want) {
      e.fragment().ifPresent(f -> sb.append(" \"").append(f).append('"'));
    }
    if (want.size() > 1) {
      sb.append(" (").append(times(want.size())).append(')');
    }
    return sb.toString();
  }

  private static String times(int n) {
    return switch (n) {
      case 1 -> "once";
      case 2 -> "twice";
      default -> n + " times";
    };
  }

  private static String quoted(List<String> messages) {
    return String.join(" | ", messages.stream().map(m -> "\"" + m + "\"").toList());
  }
}
