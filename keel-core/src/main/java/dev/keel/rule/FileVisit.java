package dev.keel.rule;

import dev.keel.config.KeelConfig;
import dev.keel.finding.Finding;
import dev.keel.finding.Span;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.LineIndex;
import dev.keel.semantic.ModuleContext;
import dev.keel.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One file as the file rules see it during the walk: its parse, where the walk is, and where
 * findings go. Not thread-safe; one per file.
 */
public final class FileVisit {
  private final ProjectFile file;
  private final ParseResult parse;
  private final KeelConfig config;
  private final List<Node> ancestors = new ArrayList<>();
  private final List<Node> ancestorsView = Collections.unmodifiableList(ancestors);
  private final Map<Memo<?>, Object> memos = new IdentityHashMap<>();
  // The last few expressions resolved and their answers: the rules that look at a call ask about
  // its callee one after another, so a handful of entries catches nearly every repeat, at no
  // hashing cost (an identity map over every call of a file costs more than it saves).
  private final Expr[] recent = new Expr[4];

  @SuppressWarnings("unchecked") // an array of a generic type can only be made raw
  private final Optional<String>[] recentNames = new Optional[4];

  private int nextRecent;
  // The def last described by function(Node), and its description.
  private Node functionNode;
  private Optional<FunctionSyntax> functionSyntax;
  private final List<Finding> findings = new ArrayList<>();
  private RuleDescriptor current;
  private SemanticModel semantic;

  FileVisit(ProjectFile file, ParseResult parse, KeelConfig config, SemanticModel semantic) {
    this.file = file;
    this.parse = parse;
    this.config = config;
    this.semantic = semantic;
  }

  /** Where the file sits for the semantic model: its module name and whether it is a package. */
  public static ModuleContext moduleContext(ProjectFile file) {
    return ModuleContext.of(file.module().orElse(""), file.name().equals("__init__.py"));
  }

  /** The scopes, bindings and name problems of the file, built on first use. */
  public SemanticModel semantic() {
    if (semantic == null) {
      semantic = SemanticModel.of(parse, moduleContext(file));
    }
    return semantic;
  }

  /** Relative to the project root, {@code /}-separated. */
  public String path() {
    return file.path();
  }

  /** The dotted module name, where the file is importable. */
  public Optional<String> module() {
    return file.module();
  }

  /** Whether the file belongs to the test suite. */
  public boolean isTest() {
    return file.kind() == FileKind.TEST;
  }

  public ParseResult parse() {
    return parse;
  }

  public LineIndex lines() {
    return parse.lines();
  }

  public String text() {
    return parse.text();
  }

  /** The source text of a node. */
  public String text(Node n) {
    return parse.text().substring(n.range().start(), n.range().end());
  }

  /** The project's {@code [tool.keel]} settings. */
  public KeelConfig config() {
    return config;
  }

  /** The nodes enclosing the current one, outermost (the module) first. */
  public List<Node> ancestors() {
    return ancestorsView;
  }

  /** The node directly enclosing the current one, if any. */
  public Optional<Node> parent() {
    return ancestors.isEmpty()
        ? Optional.empty()
        : Optional.of(ancestors.get(ancestors.size() - 1));
  }

  /**
   * The dotted name an expression stands for through the module's imports: {@code requests.get} for
   * {@code r.get} after {@code import requests as r}, {@code builtins.open} for an unshadowed
   * {@code open}. Empty for anything else, such as a local variable.
   */
  public Optional<String> qualifiedName(Expr e) {
    for (int i = 0; i < recent.length; i++) {
      if (recent[i] == e) {
        return recentNames[i];
      }
    }
    Optional<String> q = semantic().qualifiedName(e);
    recent[nextRecent] = e;
    recentNames[nextRecent] = q;
    nextRecent = (nextRecent + 1) % recent.length;
    return q;
  }

  /**
   * Whether a name might stand for an import under a different local name ({@code from time import
   * sleep as nap}).
   */
  boolean importedUnderAnotherName(Expr.Name name) {
    return semantic().isRenamedImport(name.id());
  }

  /**
   * The def {@code node} that this walk is visiting now, made once for every rule that asks (the
   * {@code CPX} and {@code TYP} rules visit each def one after another).
   */
  public Optional<FunctionSyntax> function(Node node) {
    if (functionNode != node) {
      functionNode = node;
      functionSyntax = FunctionSyntax.of(node, ancestors());
    }
    return functionSyntax;
  }

  /**
   * What a rule keeps about this file while the walk goes on (names seen so far, a tally per def),
   * made by the memo's factory on first use. Rule objects are shared by every thread, so this is
   * where per-file state lives.
   */
  public <T> T memo(Memo<T> memo) {
    // Asked on nearly every visit: a plain lookup, no lambda, memos compared by identity.
    Object value = memos.get(memo);
    if (value == null) {
      value = memo.factory.apply(this);
      memos.put(memo, value);
    }
    @SuppressWarnings("unchecked") // only memo's own factory made the value under memo
    T t = (T) value;
    return t;
  }

  /**
   * A kind of per-file state, typed: a rule declares one as a field ({@code private final
   * Memo<Seen> seen = Memo.of(Seen::new)}) and asks {@link #memo} for this file's value. Each memo
   * object is its own slot: an instance field keeps each rule object's state apart, a {@code
   * static} one is shared by the rules that agree to share it (the {@code CPX} rules' measured
   * defs).
   */
  public static final class Memo<T> {
    private final Function<FileVisit, ? extends T> factory;

    private Memo(Function<FileVisit, ? extends T> factory) {
      this.factory = factory;
    }

    /** A memo whose value for each file {@code factory} makes on first use. */
    public static <T> Memo<T> of(Supplier<? extends T> factory) {
      return new Memo<>(file -> factory.get());
    }

    /** A memo whose value is a fact about the file, worked out from it on first use. */
    public static <T> Memo<T> computed(Function<FileVisit, ? extends T> fact) {
      return new Memo<>(fact);
    }
  }

  /** A finding on a node. */
  public void report(Node node, String message) {
    report(node.range(), message);
  }

  /** A finding on a range of the text. */
  public void report(TextRange range, String message) {
    report(range.start(), range.end(), message);
  }

  /** A finding from offset {@code start} to {@code end} of the decoded text. */
  public void report(int start, int end, String message) {
    LineIndex li = parse.lines();
    int line = li.line(start);
    int column = li.column(start) + 1;
    int endLine = li.line(Math.max(start, end));
    int endColumn = li.column(Math.max(start, end)) + 1;
    if (endLine == line && endColumn <= column) {
      endColumn = column + 1;
    }
    add(Optional.of(new Span(line, column, endLine, endColumn)), message);
  }

  /** A finding about the file as a whole. */
  public void reportFile(String message) {
    add(Optional.empty(), message);
  }

  private void add(Optional<Span> span, String message) {
    findings.add(
        new Finding(
            current.code(),
            current.severity(),
            message,
            file.path(),
            span,
            current.effortMinutes()));
  }

  void enter(Node n) {
    ancestors.add(n);
  }

  void leave() {
    ancestors.remove(ancestors.size() - 1);
  }

  void use(RuleDescriptor rule) {
    current = rule;
  }

  List<Finding> findings() {
    return findings;
  }
}
