package dev.keel.cli;

/** Whether standard output is a colour terminal; decided once in {@code main}. */
final class Terminal {
  private static volatile boolean colour;

  private Terminal() {}

  static void detect() {
    String term = System.getenv("TERM");
    colour =
        System.console() != null
            && System.getenv("NO_COLOR") == null
            && term != null
            && !term.equals("dumb");
  }

  static boolean colour() {
    return colour;
  }
}
