package dev.keel.rules.configuration;

import java.util.Set;

/** Which modules are a project's configuration modules, where reading the environment belongs. */
final class ConfigModules {
  static final Set<String> NAMES =
      Set.of("config", "configuration", "settings", "conf", "env", "environment", "constants");

  private ConfigModules() {}

  /**
   * {@code config.py}, {@code settings.py}, {@code app_settings.py}, anything under {@code conf/}.
   */
  static boolean isConfig(String path) {
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length; i++) {
      String p = i == parts.length - 1 ? parts[i].replaceFirst("\\.py$", "") : parts[i];
      if (NAMES.contains(p) || p.endsWith("_settings") || p.endsWith("_config")) {
        return true;
      }
    }
    String name = parts[parts.length - 1];
    return name.equals("__main__.py")
        || name.equals("manage.py")
        || name.equals("wsgi.py")
        || name.equals("asgi.py")
        || name.equals("conftest.py");
  }
}
