package dev.keel.report;

import java.util.HashMap;
import java.util.Map;

/**
 * GitHub's {@code primaryLocationLineHash}, computed the way github/codeql-action's upload-sarif
 * computes it when a SARIF file lacks it (its {@code fingerprints.ts}): for each line, a rolling
 * hash (base 37, 64-bit wrap-around) of the next 100 characters from the line's start with spaces
 * and tabs skipped and line breaks made {@code \n}, then {@code hex:n} where n counts the earlier
 * lines with the same hash. Giving the same value the service would compute keeps alerts matched
 * across runs, whether or not the upload recomputes it.
 */
final class LineHash {
  private static final int BLOCK = 100;
  private static final long MOD = 37;
  private static final long FIRST_MOD;

  static {
    long m = 1;
    for (int i = 0; i < BLOCK; i++) {
      m *= MOD;
    }
    FIRST_MOD = m;
  }

  private LineHash() {}

  /** The hash of every line of {@code text}: element {@code i} is line {@code i + 1}'s. */
  static String[] of(String text) {
    State s = new State(text.length());
    for (int i = 0; i < text.length(); i++) {
      s.character(text.charAt(i));
    }
    s.character(0xFFFF); // the end of the file
    for (int i = 0; i < BLOCK; i++) {
      if (s.lineAt[s.index] != -1) {
        s.output();
      }
      s.update(0);
    }
    return java.util.Arrays.copyOf(s.hashes, s.lines);
  }

  private static final class State {
    final long[] window = new long[BLOCK];
    final int[] lineAt = new int[BLOCK];
    final Map<Long, Integer> seen = new HashMap<>();
    String[] hashes;
    long hash;
    int index;
    int line;
    int lines;
    boolean lineStart = true;
    boolean afterCr;

    State(int length) {
      java.util.Arrays.fill(lineAt, -1);
      hashes = new String[16];
    }

    void character(int c) {
      if (c == ' ' || c == '\t' || (afterCr && c == '\n')) {
        afterCr = false;
        return;
      }
      if (c == '\r') {
        c = '\n';
        afterCr = true;
      } else {
        afterCr = false;
      }
      if (lineAt[index] != -1) {
        output();
      }
      if (lineStart) {
        lineStart = false;
        line++;
        lineAt[index] = line;
      }
      if (c == '\n') {
        lineStart = true;
      }
      update(c);
    }

    void update(int c) {
      long begin = window[index];
      window[index] = c;
      hash = MOD * hash + c - FIRST_MOD * begin;
      index = (index + 1) % BLOCK;
    }

    void output() {
      int n = seen.merge(hash, 1, Integer::sum);
      int at = lineAt[index];
      if (at > hashes.length) {
        hashes = java.util.Arrays.copyOf(hashes, Math.max(at, hashes.length * 2));
      }
      hashes[at - 1] = Long.toUnsignedString(hash, 16) + ":" + n;
      lines = Math.max(lines, at);
      lineAt[index] = -1;
    }
  }
}
