package dev.keel.rules.types;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code TYP} family. */
public final class TypeRules {
  private TypeRules() {}

  public static List<Rule> all() {
    return List.of(
        new MissingAnnotations(),
        new LowAnnotationCoverage(),
        new AnyInPublicSignature(),
        new ImplicitOptional());
  }
}
