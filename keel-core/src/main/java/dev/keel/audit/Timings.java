package dev.keel.audit;

/**
 * Where a run spent its time, for {@code keel check --verbose} and the benchmarks. Per-file phases
 * are summed over worker threads (CPU-side time, so they can exceed the wall time on several
 * cores); the others are wall time.
 *
 * @param discoverNanos finding the root, reading configuration, walking the tree
 * @param perFileWallNanos the parallel per-file step, wall time
 * @param parseNanos reading, decoding, tokenizing and parsing, summed over threads
 * @param semanticNanos scopes, bindings and module summaries, summed over threads
 * @param fileRulesNanos the walk and every file rule, summed over threads
 * @param projectNanos every project rule (module graph included)
 * @param judgeNanos suppressions, tiers, fingerprints and the baseline
 * @param cache what the result cache did (hits, misses, writes), empty without one
 */
public record Timings(
    long discoverNanos,
    long perFileWallNanos,
    long parseNanos,
    long semanticNanos,
    long fileRulesNanos,
    long projectNanos,
    long judgeNanos,
    String cache) {

  public Timings(
      long discoverNanos,
      long perFileWallNanos,
      long parseNanos,
      long semanticNanos,
      long fileRulesNanos,
      long projectNanos,
      long judgeNanos) {
    this(
        discoverNanos,
        perFileWallNanos,
        parseNanos,
        semanticNanos,
        fileRulesNanos,
        projectNanos,
        judgeNanos,
        "");
  }

  /** One line: {@code discover 12 ms, per-file 840 ms wall (parse 1200 ms, …), …}. */
  public String describe() {
    return "timings: discover "
        + ms(discoverNanos)
        + ", per-file "
        + ms(perFileWallNanos)
        + " wall (summed over threads: parse "
        + ms(parseNanos)
        + ", semantic model and summary "
        + ms(semanticNanos)
        + ", file rules "
        + ms(fileRulesNanos)
        + "), project rules "
        + ms(projectNanos)
        + ", judge "
        + ms(judgeNanos)
        + (cache.isEmpty() ? "" : "; " + cache);
  }

  private static String ms(long nanos) {
    return Math.round(nanos / 1e6) + " ms";
  }
}
