package dev.keel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the terminal allows: colour on standard output, progress on standard error. Decided once in
 * {@code main}; in-process runs (the tests) get neither.
 */
final class Terminal {
  private static volatile boolean colour;
  private static volatile boolean progress;

  private Terminal() {}

  static void detect() {
    Map<String, String> env = System.getenv();
    colour = colour(env, System.console() != null);
    progress = progress(env, stderrIsTerminal());
  }

  /**
   * Colour on standard output: never with {@code NO_COLOR} set to anything but the empty string
   * (no-color.org), always with {@code FORCE_COLOR} set to anything but empty or {@code 0} (also in
   * a pipe or a CI log), else when the output is a terminal that is not {@code TERM=dumb}.
   */
  static boolean colour(Map<String, String> env, boolean stdoutIsTerminal) {
    if (set(env.get("NO_COLOR"))) {
      return false;
    }
    String force = env.get("FORCE_COLOR");
    if (set(force)) {
      return !force.equals("0") && !force.equalsIgnoreCase("false");
    }
    String term = env.get("TERM");
    return stdoutIsTerminal && term != null && !term.equals("dumb");
  }

  /**
   * Progress on standard error: only when it is a terminal (never in a pipe, a file or a CI log)
   * that is not {@code TERM=dumb}, and not under CI ({@code CI} set), inside a pre-commit hook
   * (which runs hooks on a terminal of its own and shows their output only when they fail: {@code
   * PRE_COMMIT} set) or with {@code KEEL_NO_PROGRESS}.
   */
  static boolean progress(Map<String, String> env, boolean stderrIsTerminal) {
    String term = env.get("TERM");
    return stderrIsTerminal
        && term != null
        && !term.equals("dumb")
        && !set(env.get("CI"))
        && !set(env.get("PRE_COMMIT"))
        && !set(env.get("KEEL_NO_PROGRESS"));
  }

  private static boolean set(String value) {
    return value != null && !value.isEmpty();
  }

  /**
   * Whether standard error is a terminal. Java has no call for it: the launcher says so ({@code
   * -Dkeel.stderr.tty=true|false}, from {@code [ -t 2 ]}); without it, Linux shows where file
   * descriptor 2 leads.
   */
  private static boolean stderrIsTerminal() {
    String told = System.getProperty("keel.stderr.tty");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  static boolean colour() {
    return colour;
  }

  static boolean progress() {
    return progress;
  }
}
