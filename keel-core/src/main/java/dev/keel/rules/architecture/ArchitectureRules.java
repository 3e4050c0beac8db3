package dev.keel.rules.architecture;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code ARC} family. */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  public static List<Rule> all() {
    return List.of(
        new PackageTooDeep(),
        new EmptyPackage(),
        new LogicInInit(),
        new DumpingGroundModule(),
        new ShadowsStdlibModule(),
        new ImportCycle(),
        new BrokenContract(),
        new HubModule(),
        new OneDefinitionModules());
  }
}
