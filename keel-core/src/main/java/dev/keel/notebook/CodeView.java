package dev.keel.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code cells of a notebook as one Python module, in document order, one line of the module per
 * line of a cell. {@link #text()} holds the cells' own lines (what suppression comments,
 * fingerprints and the report's source lines read); {@link #python()} the same lines with IPython's
 * syntax masked the way IPython's input transformers turn it into Python:
 *
 * <ul>
 *   <li>{@code %magic args}, {@code !shell}, {@code obj?}, {@code ??obj} and autocall lines ({@code
 *       /f x}, {@code ,f a b}) become {@code pass}; {@code x = !cmd} and {@code x = %magic} become
 *       {@code x = []} (IPython binds the result);
 *   <li>automagic: a line that starts with a shell-like magic's bare name followed by an argument
 *       ({@code pip install x}, {@code conda activate env}, {@code cd data}, {@code ls -l}) is that
 *       magic, as IPython's automagic runs it, unless the notebook binds the name itself;
 *   <li>{@code %time}, {@code %timeit}, {@code %prun} and {@code %memit} keep their statement, so
 *       the names it uses are used;
 *   <li>a cell that starts with a cell magic whose body is Python ({@code %%time}, {@code
 *       %%capture}…) keeps the body; any other cell magic ({@code %%bash}, {@code %%sql}, {@code
 *       %%html}, {@code %%writefile}…) is not Python and the whole cell becomes blank lines.
 * </ul>
 *
 * Escapes are recognised only where a logical line starts (not inside brackets, strings or after a
 * backslash), as IPython does. Every masked line keeps its number; columns of a kept statement
 * shift by {@link #columnShift(int)}.
 */
public final class CodeView {
  /** Cell magics whose body IPython runs as Python. */
  static final Set<String> PYTHON_CELL_MAGICS =
      Set.of(
          "time",
          "timeit",
          "capture",
          "prun",
          "debug",
          "memit",
          "mprun",
          "python",
          "python3",
          "pypy",
          "px",
          "autoreload");

  /** Line magics whose argument is a Python statement. */
  static final Set<String> STATEMENT_MAGICS = Set.of("time", "timeit", "prun", "memit", "mprun");

  /**
   * Magics IPython runs without the {@code %} (automagic, on by default) whose bare use is not
   * Python: a name followed by a word or an option ({@code pip install}) does not parse.
   */
  static final Set<String> AUTOMAGICS =
      Set.of(
          "pip",
          "conda",
          "mamba",
          "micromamba",
          "cd",
          "ls",
          "cat",
          "mkdir",
          "rmdir",
          "rm",
          "cp",
          "mv",
          "load_ext",
          "reload_ext",
          "unload_ext",
          "matplotlib",
          "autoreload",
          "aimport");

  /** {@code name arg}: a bare magic name and an argument that cannot continue a Python line. */
  private static final Pattern AUTOMAGIC =
      Pattern.compile(
          "([A-Za-z_]+)[ \\t]+(?!(?:if|else|and|or|in|is|not|for|lambda)\\b)[-\\w~/$\"'.]");

  private static final Pattern ASSIGNED_ESCAPE =
      Pattern.compile("^([A-Za-z_][\\w.]*(?:\\s*,\\s*[A-Za-z_][\\w.]*)*)\\s*=\\s*([!%])");

  /** The options of each statement magic that take a value ({@code %mprun -f func stmt}). */
  private static final java.util.Map<String, String> VALUE_OPTIONS =
      java.util.Map.of("timeit", "nrp", "prun", "lsTD", "mprun", "fmT", "memit", "rit", "time", "");

  /** An IPython escape found in a cell, as its line reads. */
  public record Escape(Kind kind, String name, String argument, int line) {
    public enum Kind {
      LINE_MAGIC,
      CELL_MAGIC,
      SHELL,
      HELP
    }
  }

  private final Notebook notebook;
  private final String text;
  private final String python;
  private final List<Notebook.Cell> cellOfLine = new ArrayList<>();
  private final List<Integer> lineInCell = new ArrayList<>();
  private final List<Integer> shift = new ArrayList<>();
  private final List<Escape> escapes = new ArrayList<>();
  private final List<Integer> firstLines = new ArrayList<>();

  /** The automagic names the notebook binds itself: IPython does not take those for magics. */
  private final java.util.Map<String, Integer> shadowed;

  private CodeView(Notebook notebook) {
    this.notebook = notebook;
    this.shadowed = shadowed(notebook);
    StringBuilder t = new StringBuilder();
    StringBuilder py = new StringBuilder();
    for (Notebook.Cell cell : notebook.codeCells()) {
      firstLines.add(cellOfLine.size() + 1);
      List<String> masked = mask(cell, cellOfLine.size());
      for (int i = 0; i < cell.lines().size(); i++) {
        t.append(cell.lines().get(i)).append('\n');
        py.append(masked.get(i)).append('\n');
        cellOfLine.add(cell);
        lineInCell.add(i + 1);
      }
    }
    this.text = t.toString();
    this.python = py.toString();
  }

  /**
   * For each automagic name the notebook binds, the module line of its first binding: from there on
   * the name is the notebook's own and a line that starts with it is Python.
   */
  private static java.util.Map<String, Integer> shadowed(Notebook notebook) {
    java.util.Map<String, Integer> out = new java.util.HashMap<>();
    int line = 0;
    for (Notebook.Cell cell : notebook.codeCells()) {
      for (String l : cell.lines()) {
        line++;
        for (String name : AUTOMAGICS) {
          if (!out.containsKey(name) && l.contains(name) && BINDS.get(name).matcher(l).find()) {
            out.put(name, line);
          }
        }
      }
    }
    return out;
  }

  /** A line that binds the name: an assignment, a def or class, an import, a for target. */
  private static final java.util.Map<String, Pattern> BINDS = binders();

  private static java.util.Map<String, Pattern> binders() {
    java.util.Map<String, Pattern> out = new java.util.HashMap<>();
    for (String name : AUTOMAGICS) {
      String n = Pattern.quote(name);
      out.put(
          name,
          Pattern.compile(
              "^\\s*"
                  + n
                  + "\\s*(?:,[^=]*)?=(?!=)|\\b(?:def|class|as|import)\\s+"
                  + n
                  + "\\b|^\\s*for\\s+"
                  + n
                  + "\\b|\\bimport\\b.*,\\s*"
                  + n
                  + "\\b"));
    }
    return java.util.Map.copyOf(out);
  }

  public static CodeView of(Notebook notebook) {
    return new CodeView(notebook);
  }

  public Notebook notebook() {
    return notebook;
  }

  /** The code cells' lines, each ending in {@code \n}. */
  public String text() {
    return text;
  }

  /** {@link #text()} with IPython's syntax masked: what the Python parser reads. */
  public String python() {
    return python;
  }

  public int lineCount() {
    return cellOfLine.size();
  }

  /** The cell that holds line {@code line} (1-based) of the module. */
  public Notebook.Cell cellAt(int line) {
    return cellOfLine.get(clamp(line) - 1);
  }

  /** Line {@code line} of the module as a line of its cell (1-based). */
  public int lineInCell(int line) {
    return lineInCell.get(clamp(line) - 1);
  }

  /** Line {@code line} of the module as a line of the {@code .ipynb} file. */
  public int fileLine(int line) {
    Notebook.Cell cell = cellAt(line);
    int i = lineInCell(line) - 1;
    return i < cell.fileLines().size() ? cell.fileLines().get(i) : cell.fileLine();
  }

  /** What to add to a column of {@link #python()} on {@code line} to get the column in the cell. */
  public int columnShift(int line) {
    return line >= 1 && line <= shift.size() ? shift.get(line - 1) : 0;
  }

  /** The module line where a code cell starts. */
  public int firstLine(Notebook.Cell cell) {
    List<Notebook.Cell> code = notebook.codeCells();
    for (int i = 0; i < code.size(); i++) {
      if (code.get(i).index() == cell.index()) {
        return firstLines.get(i);
      }
    }
    return 1;
  }

  /** The IPython escapes of the code cells, with the module line of each. */
  public List<Escape> escapes() {
    return List.copyOf(escapes);
  }

  private int clamp(int line) {
    return Math.max(1, Math.min(line, cellOfLine.size()));
  }

  /** The masked lines of one cell; {@code before} module lines precede it. */
  private List<String> mask(Notebook.Cell cell, int before) {
    List<String> lines = cell.lines();
    List<String> out = new ArrayList<>(lines.size());
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first < lines.size() && lines.get(first).stripLeading().startsWith("%%")) {
      String head = lines.get(first).stripLeading().substring(2);
      String name = word(head);
      escapes.add(
          new Escape(
              Escape.Kind.CELL_MAGIC,
              name,
              head.substring(name.length()).strip(),
              before + first + 1));
      boolean python = PYTHON_CELL_MAGICS.contains(name.toLowerCase(Locale.ROOT));
      for (int i = 0; i < lines.size(); i++) {
        out.add(python && i > first ? null : "");
        shift.add(0);
      }
      if (python) {
        // The body is Python: masked like any cell, from the line after the magic.
        maskLines(lines, first + 1, out, before);
      }
      return out;
    }
    for (int i = 0; i < lines.size(); i++) {
      out.add(null);
      shift.add(0);
    }
    maskLines(lines, 0, out, before);
    return out;
  }

  private void maskLines(List<String> lines, int from, List<String> out, int before) {
    LogicalLines scan = new LogicalLines();
    boolean escapeContinues = false;
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      int module = before + i + 1;
      if (escapeContinues) {
        // A masked escape continued with a backslash: the rest of it is not Python either.
        out.set(i, "");
        escapeContinues = line.endsWith("\\");
        continue;
      }
      if (scan.atLogicalStart()) {
        String masked = maskLine(line, module);
        if (masked != null) {
          out.set(i, masked);
          escapeContinues =
              line.endsWith("\\") && (masked.endsWith("pass") || masked.endsWith(" = []"));
          continue;
        }
      }
      scan.feed(line);
      out.set(i, line);
    }
  }

  /** The Python for one logical line's first line, or null when it is Python already. */
  private String maskLine(String line, int module) {
    int ind = 0;
    while (ind < line.length() && (line.charAt(ind) == ' ' || line.charAt(ind) == '\t')) {
      ind++;
    }
    String indent = line.substring(0, ind);
    String rest = line.substring(ind);
    if (rest.isEmpty() || rest.startsWith("#")) {
      return null;
    }
    char c = rest.charAt(0);
    if (c == '!' && !rest.startsWith("!=")) {
      escapes.add(new Escape(Escape.Kind.SHELL, "", rest.substring(1).strip(), module));
      return indent + "pass";
    }
    if (c == '%') {
      String body = rest.startsWith("%%") ? rest.substring(2) : rest.substring(1);
      String name = word(body);
      String arg = body.substring(name.length()).strip();
      escapes.add(
          new Escape(
              rest.startsWith("%%") ? Escape.Kind.CELL_MAGIC : Escape.Kind.LINE_MAGIC,
              name,
              arg,
              module));
      if (!rest.startsWith("%%") && STATEMENT_MAGICS.contains(name) && !arg.endsWith("?")) {
        String statement = withoutOptions(name, arg);
        if (!statement.isEmpty()) {
          int at = line.lastIndexOf(statement);
          setShift(module, at - ind);
          return indent + statement;
        }
      }
      return indent + "pass";
    }
    if (c == '/' || c == ',' || c == ';') {
      escapes.add(new Escape(Escape.Kind.LINE_MAGIC, "autocall", rest, module));
      return indent + "pass";
    }
    Matcher automagic = AUTOMAGIC.matcher(rest);
    if (automagic.lookingAt()
        && AUTOMAGICS.contains(automagic.group(1))
        && module < shadowed.getOrDefault(automagic.group(1), Integer.MAX_VALUE)) {
      String name = automagic.group(1);
      escapes.add(
          new Escape(Escape.Kind.LINE_MAGIC, name, rest.substring(name.length()).strip(), module));
      return indent + "pass";
    }
    Matcher assigned = ASSIGNED_ESCAPE.matcher(rest);
    if (assigned.lookingAt()) {
      String after = rest.substring(assigned.end());
      boolean shell = assigned.group(2).equals("!");
      String name = shell ? "" : word(after);
      escapes.add(
          new Escape(
              shell ? Escape.Kind.SHELL : Escape.Kind.LINE_MAGIC,
              name,
              after.substring(name.length()).strip(),
              module));
      return indent + assigned.group(1) + " = []";
    }
    String code = LogicalLines.codePart(rest).stripTrailing();
    if (c == '?' || (code.endsWith("?") && !code.isEmpty() && LogicalLines.balanced(code))) {
      escapes.add(new Escape(Escape.Kind.HELP, "", code.replace("?", "").strip(), module));
      return indent + "pass";
    }
    return null;
  }

  private void setShift(int module, int value) {
    shift.set(module - 1, value);
  }

  /** A statement magic's argument without its options: the statement it times or profiles. */
  static String withoutOptions(String magic, String arg) {
    String valued = VALUE_OPTIONS.getOrDefault(magic, "");
    int i = 0;
    while (i < arg.length() && arg.charAt(i) == '-') {
      int end = i;
      while (end < arg.length() && !Character.isWhitespace(arg.charAt(end))) {
        end++;
      }
      boolean takesValue = end - i == 2 && valued.indexOf(arg.charAt(i + 1)) >= 0;
      i = skipSpaces(arg, end);
      if (takesValue) {
        while (i < arg.length() && !Character.isWhitespace(arg.charAt(i))) {
          i++;
        }
        i = skipSpaces(arg, i);
      }
    }
    return arg.substring(i);
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String word(String s) {
    int i = 0;
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
      i++;
    }
    return s.substring(0, i);
  }
}
