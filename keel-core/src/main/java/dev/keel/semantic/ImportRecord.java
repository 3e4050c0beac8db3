package dev.keel.semantic;

import java.util.List;

/**
 * One imported module, as a module summary keeps it.
 *
 * @param module the absolute dotted module imported: {@code a.b} for {@code import a.b}, {@code
 *     pkg.sub} for {@code from .sub import x} in package {@code pkg}; relative imports that climb
 *     out of the project keep their dots
 * @param names for {@code from m import x, y}: the names imported ({@code *} for a star); empty for
 *     {@code import m}
 * @param line 1-based line of the statement
 */
public record ImportRecord(String module, List<String> names, int line, ImportKind kind) {
  public ImportRecord {
    names = List.copyOf(names);
  }

  /** Whether this is {@code from module import …}. */
  public boolean isFrom() {
    return !names.isEmpty();
  }
}
