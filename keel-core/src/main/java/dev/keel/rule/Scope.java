package dev.keel.rule;

/** What a rule looks at: one module's syntax tree, or the project as a whole. */
public enum Scope {
  FILE,
  PROJECT;

  /**
   * The scope a rule's interface gives it: {@link #PROJECT} for a {@link ProjectRule} only, {@link
   * #FILE} for every other rule: a {@link FileRule}, also one with a project step besides ({@code
   * NAM001} judges a package's {@code __init__.py} with the whole project in view), and a rule that
   * only declares a finding the audit gives one file ({@code SYN004}).
   */
  public static Scope of(Rule rule) {
    return rule instanceof ProjectRule && !(rule instanceof FileRule) ? PROJECT : FILE;
  }
}
