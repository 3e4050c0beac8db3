package dev.keel.semantic;

/**
 * Where a module sits, which the meaning of its names depends on.
 *
 * @param module the dotted module name, empty when the file is not importable
 * @param isPackageInit whether the file is a package's {@code __init__.py}
 * @param version the Python version whose builtins apply
 * @param interactive whether the code runs in IPython (a notebook), whose namespace also holds
 *     {@link #IPYTHON_NAMES}
 */
public record ModuleContext(
    String module, boolean isPackageInit, PythonVersion version, boolean interactive) {
  /** Names IPython puts in every notebook's namespace: {@code display}, {@code get_ipython}… */
  public static final java.util.Set<String> IPYTHON_NAMES =
      java.util.Set.of(
          "display",
          "get_ipython",
          "In",
          "Out",
          "_",
          "__",
          "___",
          "_i",
          "_ii",
          "_iii",
          "_ih",
          "_oh",
          "_dh",
          "exit",
          "quit");

  /** A module of a plain Python file. */
  public ModuleContext(String module, boolean isPackageInit, PythonVersion version) {
    this(module, isPackageInit, version, false);
  }

  /** The default target when a project does not say: the newest Python Keel knows. */
  public static final PythonVersion DEFAULT_VERSION = PythonVersion.NEWEST_KNOWN;

  public static ModuleContext of(String module, boolean isPackageInit) {
    return new ModuleContext(module, isPackageInit, DEFAULT_VERSION);
  }

  /** The package that relative imports start from. */
  public String packageName() {
    if (isPackageInit) {
      return module;
    }
    int dot = module.lastIndexOf('.');
    return dot < 0 ? "" : module.substring(0, dot);
  }

  /**
   * The absolute module that {@code from <dots><module> import …} names, or the text with its dots
   * kept when the module's own name is unknown or the dots climb above the top package.
   */
  public String absoluteModule(int level, String target) {
    String written = ".".repeat(level) + (target == null ? "" : target);
    if (level == 0) {
      return written;
    }
    String pkg = packageName();
    if (pkg.isEmpty()) {
      return written;
    }
    for (int i = 1; i < level; i++) {
      int dot = pkg.lastIndexOf('.');
      if (dot < 0) {
        return written;
      }
      pkg = pkg.substring(0, dot);
    }
    return target == null || target.isEmpty() ? pkg : pkg + "." + target;
  }
}
