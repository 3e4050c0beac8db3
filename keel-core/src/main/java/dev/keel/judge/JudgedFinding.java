package dev.keel.judge;

import dev.keel.finding.Finding;
import java.util.Comparator;

/**
 * A finding the judge kept, with what it decided about it: the fingerprint that identifies it
 * across edits ({@link Fingerprints}) and whether the baseline already holds it. This, not the
 * rule's bare {@link Finding}, is what reporters, {@code keel baseline} and the command line read.
 */
public record JudgedFinding(Finding finding, String fingerprint, boolean baselined) {
  /** {@link Finding#ORDER}: report order. */
  public static final Comparator<JudgedFinding> ORDER =
      Comparator.comparing(JudgedFinding::finding, Finding.ORDER);
}
