package dev.keel.report;

/** Remediation effort in words a product owner reads: {@code 3 h 20 min}, {@code 2 d 1 h}. */
final class Debt {
  private static final int MINUTES_PER_DAY = 8 * 60;

  private Debt() {}

  static String words(int minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < MINUTES_PER_DAY) {
      int h = minutes / 60;
      int m = minutes % 60;
      return h + " h" + (m == 0 ? "" : " " + m + " min");
    }
    int d = minutes / MINUTES_PER_DAY;
    int h = (minutes % MINUTES_PER_DAY) / 60;
    return d + " d" + (h == 0 ? "" : " " + h + " h") + " (8-hour days)";
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
