package dev.keel.rules.dependencies;

/**
 * One declared dependency.
 *
 * @param name the distribution name normalised as PEP 503 says ({@code scikit-learn})
 * @param dev whether only development needs it (test, lint, docs, typing groups and files)
 * @param file where it is declared, relative to the project root
 * @param line the 1-based line of the declaration in that file, 0 if unknown
 * @param extra declared in an optional extra ({@code pip install pkg[extra]}), not by default
 */
record Declared(String name, boolean dev, String file, int line, boolean extra) {
  Declared(String name, boolean dev, String file, int line) {
    this(name, dev, file, line, false);
  }
}
