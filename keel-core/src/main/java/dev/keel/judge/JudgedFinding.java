package dev.keel.judge;

import dev.keel.finding.Finding;
import java.util.Comparator;
import java.util.Optional;

/**
 * A finding the judge kept, with what it decided about it: the fingerprint that identifies it
 * across edits ({@link Fingerprints}) and whether the baseline already holds it. This, not the
 * rule's bare {@link Finding}, is what reporters, {@code keel baseline} and the command line read.
 *
 * @param change with {@code --since REF}: how it stands against REF; empty otherwise
 */
public record JudgedFinding(
    Finding finding, String fingerprint, boolean baselined, Optional<Change> change) {
  /** {@link Finding#ORDER}: report order. */
  public static final Comparator<JudgedFinding> ORDER =
      Comparator.comparing(JudgedFinding::finding, Finding.ORDER);

  public JudgedFinding(Finding finding, String fingerprint, boolean baselined) {
    this(finding, fingerprint, baselined, Optional.empty());
  }

  /** This finding as it stands against an earlier revision. */
  public JudgedFinding with(Change c) {
    return new JudgedFinding(finding, fingerprint, baselined, Optional.of(c));
  }
}
