package dev.keel.rules.project;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poetry's version constraints ({@code ^3.8}, {@code ~3.9}, {@code >=3.8 <4.0}, {@code 3.10.*},
 * {@code ^3.8 || ^4.0}), translated into PEP 440 specifier sets.
 */
final class PoetryConstraint {
  private static final Pattern ITEM =
      Pattern.compile("(\\^|~=|~|===|==|!=|>=|<=|>|<|=)?\\s*([0-9][0-9A-Za-z.+!*-]*|\\*)");

  private PoetryConstraint() {}

  /** The versions the constraint admits, or empty when it is not one Poetry would accept. */
  static Optional<Predicate<Pep440.Version>> parse(String text) {
    List<Pep440.SpecifierSet> alternatives = new ArrayList<>();
    for (String alternative : text.split("\\|\\|?")) {
      Optional<Pep440.SpecifierSet> set = conjunction(alternative.strip());
      if (set.isEmpty()) {
        return Optional.empty();
      }
      alternatives.add(set.get());
    }
    return Optional.of(v -> alternatives.stream().anyMatch(s -> s.contains(v)));
  }

  private static Optional<Pep440.SpecifierSet> conjunction(String text) {
    List<String> clauses = new ArrayList<>();
    String rest = text.replace(',', ' ').strip();
    Matcher m = ITEM.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (Character.isWhitespace(rest.charAt(at))) {
        at++;
        continue;
      }
      if (!m.find(at) || m.start() != at) {
        return Optional.empty();
      }
      String op = m.group(1) == null ? "" : m.group(1);
      String version = m.group(2);
      at = m.end();
      if (version.equals("*")) {
        continue;
      }
      Optional<String> translated = translate(op, version);
      if (translated.isEmpty()) {
        return Optional.empty();
      }
      clauses.add(translated.get());
    }
    return Pep440.parseSpecifiers(String.join(",", clauses));
  }

  private static Optional<String> translate(String op, String version) {
    if (op.equals("^") || op.equals("~")) {
      Optional<Pep440.Version> v = Pep440.parseVersion(version);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      List<BigInteger> release = v.get().release();
      int bump; // index of the release part that may not change
      if (op.equals("~")) {
        bump = release.size() == 1 ? 0 : 1;
      } else {
        bump = 0;
        while (bump < release.size() - 1 && release.get(bump).signum() == 0) {
          bump++;
        }
      }
      StringBuilder upper = new StringBuilder();
      for (int i = 0; i <= bump; i++) {
        if (i > 0) {
          upper.append('.');
        }
        upper.append(i == bump ? release.get(i).add(BigInteger.ONE) : release.get(i));
      }
      return Optional.of(">=" + version + ",<" + upper);
    }
    if (op.isEmpty() || op.equals("=")) {
      return Optional.of("==" + version);
    }
    return Optional.of(op + version);
  }
}
