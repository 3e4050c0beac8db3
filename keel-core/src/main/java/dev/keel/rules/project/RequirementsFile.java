package dev.keel.rules.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements file read as a lockfile: it pins when every requirement names one exact
 * version ({@code ==} without a wildcard, or {@code ===}) or carries a {@code --hash}.
 */
final class RequirementsFile {
  private static final Pattern REQUIREMENT =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*])?\\s*(.*)", Pattern.DOTALL);

  private RequirementsFile() {}

  /** Whether {@code path} names a requirements file: requirements*.txt or requirements/*.txt. */
  static boolean isRequirementsPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return (lower.startsWith("requirements") && lower.endsWith(".txt") && !lower.contains("/"))
        || (lower.startsWith("requirements/")
            && lower.endsWith(".txt")
            && lower.indexOf('/', "requirements/".length()) < 0);
  }

  /**
   * The first requirement that is not pinned, or empty when every one is pinned. A file with no
   * requirement at all reports itself as unpinned.
   */
  static Optional<String> firstUnpinned(String text) {
    List<String> requirements = logicalLines(text);
    boolean any = false;
    for (String line : requirements) {
      if (line.startsWith("-")) {
        continue; // options, -r/-c includes, -e editable installs of local code
      }
      any = true;
      if (!pinned(line)) {
        return Optional.of(line);
      }
    }
    return any ? Optional.empty() : Optional.of("(no requirements)");
  }

  private static boolean pinned(String line) {
    if (line.contains("--hash=") || line.contains("--hash ")) {
      return true;
    }
    String requirement = line;
    int marker = requirement.indexOf(';');
    if (marker >= 0) {
      requirement = requirement.substring(0, marker);
    }
    requirement = requirement.strip();
    Matcher m = REQUIREMENT.matcher(requirement);
    if (!m.matches()) {
      return false;
    }
    String spec = m.group(3).strip();
    if (spec.startsWith("@")) {
      // A direct reference pins when it names an exact archive or commit.
      return spec.matches("(?s).*(#sha256=|#sha384=|#sha512=|@[0-9a-f]{40}\\b).*");
    }
    if (spec.startsWith("(") && spec.endsWith(")")) {
      spec = spec.substring(1, spec.length() - 1);
    }
    Optional<Pep440.SpecifierSet> set = Pep440.parseSpecifiers(spec);
    if (set.isEmpty() || set.get().clauses().isEmpty()) {
      return false;
    }
    for (Pep440.Specifier s : set.get().clauses()) {
      boolean exact =
          s.operator().equals("===") || (s.operator().equals("==") && !s.toString().endsWith(".*"));
      if (!exact) {
        return false;
      }
    }
    return true;
  }

  /** Requirement lines with comments dropped and backslash continuations joined. */
  private static List<String> logicalLines(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw;
      int hash = line.indexOf(" #");
      if (line.startsWith("#")) {
        line = "";
      } else if (hash >= 0) {
        line = line.substring(0, hash);
      }
      if (line.stripTrailing().endsWith("\\")) {
        String stripped = line.stripTrailing();
        current.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String logical = current.toString().strip();
      current.setLength(0);
      if (!logical.isEmpty()) {
        out.add(logical);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
