package dev.keel.rules.security;

import dev.keel.rule.FileVisit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a file is test code, where the security family stays quiet: tests call {@code
 * verify=False} against a local server, pickle what they just wrote, run commands and build SQL to
 * set up a fixture, and hold literal tokens for fake services; none of it ships. A senior engineer
 * signs none of those findings (teams that run bandit exclude their tests, or silence S1xx there).
 * What stays is a credential in a known format ({@code AKIA…}, {@code ghp_…}): a real key in a test
 * is as leaked as one anywhere else ({@link HardcodedSecret} reads those in every file).
 *
 * <p>Test code is the test suite (files under a test folder or named {@code test_*.py}) and the
 * settings of a test run: a module whose name joins a test word and a settings word, such as
 * netbox's {@code configuration_testing.py} or a Django {@code test_settings.py}.
 */
final class TestCode {
  private static final Set<String> TEST_WORDS = Set.of("test", "tests", "testing", "ci");
  private static final Set<String> SETTINGS_WORDS =
      Set.of("settings", "config", "configuration", "conf");
  private static final Pattern WORD = Pattern.compile("[_.]");

  private TestCode() {}

  static boolean of(FileVisit file) {
    if (file.isTest()) {
      return true;
    }
    String path = file.path();
    String stem = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (!stem.endsWith(".py")) {
      return false;
    }
    boolean test = false;
    boolean settings = false;
    for (String w : WORD.split(stem.substring(0, stem.length() - 3))) {
      test |= TEST_WORDS.contains(w);
      settings |= SETTINGS_WORDS.contains(w);
    }
    return test && settings;
  }
}
