package dev.keel.rules.dependencies;

/**
 * One absolute import of a top-level name outside the project and the standard library.
 *
 * @param path the importing file, relative to the root
 * @param isTest whether the importing file belongs to the test suite
 * @param topLevel the first component of the imported module ({@code yaml} for {@code yaml.dump})
 * @param typeCheckingOnly under {@code if TYPE_CHECKING:}
 * @param optional inside {@code try: … except ImportError:}, an optional dependency
 */
record ImportUse(
    String path,
    boolean isTest,
    String topLevel,
    int line,
    boolean typeCheckingOnly,
    boolean optional) {}
