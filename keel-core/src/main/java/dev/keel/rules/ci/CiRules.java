package dev.keel.rules.ci;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code CI} family: GitHub Actions workflows that can be turned against the repository. */
public final class CiRules {
  private CiRules() {}

  public static List<Rule> all() {
    return List.of(
        new PullRequestTargetCheckout(),
        new ScriptInjection(),
        new UnpinnedAction(),
        new NoPermissionsBlock(),
        new SecretEchoed(),
        new WorkflowDoesNotParse());
  }
}
