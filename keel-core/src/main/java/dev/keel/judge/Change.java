package dev.keel.judge;

/**
 * How a finding of the work tree stands against the same project at an earlier revision ({@code
 * keel check --since REF}): the new-code gate fails only on {@link #NEW} and {@link #WORSENED}.
 */
public enum Change {
  /** Not there at the revision: added by the change (or in an untracked file). */
  NEW("new", "new"),
  /** The same finding on the same symbol, with a worse measure (complexity 14 → 16). */
  WORSENED("worsened", "updated"),
  /** There at the revision already, and no worse. */
  EXISTING("existing", "unchanged");

  private final String label;
  private final String sarifState;

  Change(String label, String sarifState) {
    this.label = label;
    this.sarifState = sarifState;
  }

  /** As JSON's {@code status} writes it. */
  public String label() {
    return label;
  }

  /** SARIF's {@code baselineState}. */
  public String sarifState() {
    return sarifState;
  }
}
