package dev.keel.judge;

import dev.keel.rule.Finding;
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
public final class Fingerprints {
  private Fingerprints() {}

  /**
   * @param findings in report order
   * @param lineText the text of a line of a file, if it exists
   */
  public static List<Finding> assign(
      List<Finding> findings, BiFunction<String, Integer, Optional<String>> lineText) {
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      StringBuilder key = new StringBuilder();
      key.append(f.code()).append('\0').append(f.path()).append('\0');
      if (f.span().isPresent()) {
        int line = f.span().get().line();
        for (int l = line - 1; l <= line + 1; l++) {
          key.append(normalise(lineText.apply(f.path(), l).orElse(""))).append('\n');
        }
      } else {
        key.append(f.message());
      }
      String base = key.toString();
      int n = seen.merge(base, 1, Integer::sum);
      out.add(f.withFingerprint(hash(base + '\0' + n)));
    }
    return out;
  }

  static String normalise(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  static String hash(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
