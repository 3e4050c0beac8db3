package dev.keel.report;

/** The reporter for each {@link Format}. */
public final class Reporters {
  private Reporters() {}

  /**
   * @param colour ANSI colour in text output (only when writing to a terminal)
   * @param quiet text output without the summary line
   */
  public static Reporter of(Format format, boolean colour, boolean quiet) {
    return of(format, colour, quiet, false);
  }

  /**
   * @param statistics text output of the counts by rule and severity and the summary line only
   *     ({@code --statistics}); other formats always hold every finding
   */
  public static Reporter of(Format format, boolean colour, boolean quiet, boolean statistics) {
    if (format == Format.TEXT) {
      return new TextReporter(colour, quiet, statistics);
    }
    return switch (format) {
      case TEXT -> new TextReporter(colour, quiet);
      case JSON -> new JsonReporter();
      case SARIF -> new SarifReporter();
      case GITHUB -> new GithubReporter();
      case JUNIT -> new JunitReporter();
    };
  }
}
