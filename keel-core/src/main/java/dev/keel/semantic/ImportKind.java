package dev.keel.semantic;

/** Where an import statement sits, which decides whether it runs when the module is imported. */
public enum ImportKind {
  /** At module level (a class body counts): runs on import. */
  TOP_LEVEL,
  /** Under {@code if}, {@code try}, a loop or {@code match}: may run on import. */
  CONDITIONAL,
  /** Under {@code if TYPE_CHECKING:}: never runs. */
  TYPE_CHECKING,
  /** Inside a function or lambda: runs when the function is called. */
  IN_FUNCTION;

  /** Whether the import runs while the module itself is being imported. */
  public boolean atImportTime() {
    return this == TOP_LEVEL || this == CONDITIONAL;
  }
}
