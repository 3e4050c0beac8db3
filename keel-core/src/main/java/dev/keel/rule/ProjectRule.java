package dev.keel.rule;

/** A rule that looks at the project as a whole: its files, configuration and layout. */
public interface ProjectRule extends Rule {
  void check(ProjectContext project, FindingSink out);
}
