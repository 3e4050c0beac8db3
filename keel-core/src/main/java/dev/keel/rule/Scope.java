package dev.keel.rule;

/** What a rule looks at: one module's syntax tree, or the project as a whole. */
public enum Scope {
  FILE,
  PROJECT
}
