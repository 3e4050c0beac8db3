package dev.keel.judge;

import dev.keel.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Fingerprints identify a finding across edits: the rule, the path, and the whitespace- normalised
 * text of the flagged line and its neighbours, never the line number. Two findings with the same
 * context get an occurrence number, in file order.
 */
final class Fingerprints {
  private Fingerprints() {}

  /**
   * @param findings in report order
   * @param lineText the text of a line of a file, if it exists
   * @return the fingerprint of each finding, in the same order
   */
  static List<String> of(
      List<Finding> findings, BiFunction<String, Integer, Optional<String>> lineText) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(findings.size());
    // Findings come in report order, so those on one line come together: the line's context is
    // read, normalised and hashed once for all of them, not once each (64,000 findings on one
    // 64 KB line would otherwise hash 12 GB).
    String contextPath = null;
    int contextLine = -1;
    String context = null;
    String contextDigest = null;
    Map<String, MessageDigest> prefixes = new HashMap<>();
    for (Finding f : findings) {
      String head = f.code() + '\0' + f.path() + '\0';
      String body;
      String same;
      MessageDigest prefix;
      if (f.span().isPresent()) {
        int line = f.span().get().line();
        if (line != contextLine || !f.path().equals(contextPath)) {
          StringBuilder key = new StringBuilder();
          for (int l = line - 1; l <= line + 1; l++) {
            key.append(normalise(lineText.apply(f.path(), l).orElse(""))).append('\n');
          }
          contextPath = f.path();
          contextLine = line;
          context = key.toString();
          contextDigest = hash(context);
          prefixes.clear();
        }
        body = context;
        same = head + contextDigest;
        String ctx = context;
        prefix = prefixes.computeIfAbsent(head, h -> digestOf(h + ctx));
      } else {
        body = f.message();
        same = head + '\1' + body;
        prefix = digestOf(head + body);
      }
      int n = seen.merge(same, 1, Integer::sum);
      out.add(finish(prefix, "\0" + n));
    }
    return out;
  }

  /** A digest that has read {@code prefix}: cloned for each finding that shares it. */
  private static MessageDigest digestOf(String prefix) {
    MessageDigest md = sha256();
    md.update(prefix.getBytes(StandardCharsets.UTF_8));
    return md;
  }

  /** The fingerprint of the prefix {@code md} has read followed by {@code tail}. */
  private static String finish(MessageDigest md, String tail) {
    MessageDigest copy;
    try {
      copy = (MessageDigest) md.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    byte[] d = copy.digest(tail.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String normalise(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  static String hash(String s) {
    byte[] d = sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 8);
  }
}
