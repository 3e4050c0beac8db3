package dev.keel.coverage;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * coverage.py's numbits: a set of line numbers as a bitmap, bit {@code n % 8} of byte {@code n / 8}
 * set for line {@code n} (coverage/numbits.py).
 */
final class Numbits {
  private Numbits() {}

  static SortedSet<Integer> lines(byte[] numbits) {
    SortedSet<Integer> out = new TreeSet<>();
    for (int i = 0; i < numbits.length; i++) {
      int b = numbits[i] & 0xff;
      while (b != 0) {
        int bit = Integer.numberOfTrailingZeros(b);
        int line = i * 8 + bit;
        if (line > 0) {
          out.add(line);
        }
        b &= b - 1;
      }
    }
    return out;
  }
}
