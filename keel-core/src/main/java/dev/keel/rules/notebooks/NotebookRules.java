package dev.keel.rules.notebooks;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code NBK} family. */
public final class NotebookRules {
  private NotebookRules() {}

  public static List<Rule> all() {
    return List.of(
        new SecretInOutput(),
        new CellsRunOutOfOrder(),
        new NameUsedBeforeItsCell(),
        new OutputsCommitted(),
        new NotebookShouldGraduate(),
        new UnreadableNotebook());
  }
}
