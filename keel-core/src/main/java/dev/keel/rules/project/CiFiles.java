package dev.keel.rules.project;

import java.util.Set;

/** The files that configure a continuous-integration service. */
final class CiFiles {
  private static final Set<String> FILES =
      Set.of(
          ".gitlab-ci.yml",
          ".gitlab-ci.yaml",
          ".circleci/config.yml",
          ".circleci/config.yaml",
          "azure-pipelines.yml",
          "azure-pipelines.yaml",
          "Jenkinsfile",
          ".travis.yml",
          "bitbucket-pipelines.yml",
          ".woodpecker.yml",
          ".woodpecker.yaml",
          ".drone.yml",
          ".drone.yaml",
          ".cirrus.yml",
          "appveyor.yml",
          ".appveyor.yml");

  private static final Set<String> FOLDERS =
      Set.of(".buildkite/", ".woodpecker/", ".azure-pipelines/");

  private static final Set<String> WORKFLOW_FOLDERS =
      Set.of(".github/workflows/", ".gitea/workflows/", ".forgejo/workflows/");

  private CiFiles() {}

  static boolean isCiFile(String path) {
    if (FILES.contains(path)) {
      return true;
    }
    for (String folder : FOLDERS) {
      if (path.startsWith(folder)) {
        return true;
      }
    }
    for (String folder : WORKFLOW_FOLDERS) {
      if (path.startsWith(folder)
          && path.indexOf('/', folder.length()) < 0
          && (path.endsWith(".yml") || path.endsWith(".yaml"))) {
        return true;
      }
    }
    return false;
  }
}
