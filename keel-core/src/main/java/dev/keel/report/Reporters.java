package dev.keel.report;

/** The reporter for each {@link Format}. */
public final class Reporters {
  private Reporters() {}

  /**
   * @param colour ANSI colour in text output (only when writing to a terminal)
   * @param quiet text output without the summary line
   */
  public static Reporter of(Format format, boolean colour, boolean quiet) {
    return switch (format) {
      case TEXT -> new TextReporter(colour, quiet);
      case JSON -> new JsonReporter();
      case SARIF -> new SarifReporter();
      case GITHUB -> new GithubReporter();
      case JUNIT -> new JunitReporter();
    };
  }
}
