package dev.keel.python;

import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Pattern;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.ast.TypeParam;
import dev.keel.python.ast.WithItem;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.PythonUnicode;
import java.util.List;

/**
 * Prints a syntax tree exactly as CPython prints {@code ast.dump(ast.parse(src),
 * include_attributes=True, show_empty=True)}: CPython 3.13's format for 3.13 syntax, 3.14's node
 * shapes for t-strings.
 */
public final class AstDump {
  private final StringBuilder sb = new StringBuilder(1 << 12);
  private final LineIndex lines;

  private AstDump(LineIndex lines) {
    this.lines = lines;
  }

  /** The dump of the module of {@code result}. */
  public static String dump(ParseResult result) {
    return dump(result.module(), result.lines());
  }

  /** The dump of {@code module}, positions resolved with {@code lines}. */
  public static String dump(Mod.Module module, LineIndex lines) {
    String[] out = new String[1];
    Runnable r =
        () -> {
          AstDump d = new AstDump(lines);
          d.open("Module");
          d.stmts("body", module.body());
          d.sep();
          d.sb.append("type_ignores=[]");
          d.sb.append(')');
          out[0] = d.sb.toString();
        };
    try {
      r.run();
    } catch (StackOverflowError deep) {
      PythonParser.onDeepStack(
          () -> {
            r.run();
            return null;
          });
    }
    return out[0];
  }

  private void open(String name) {
    sb.append(name).append('(');
  }

  private void sep() {
    if (sb.charAt(sb.length() - 1) != '(') {
      sb.append(", ");
    }
  }

  private void key(String name) {
    sep();
    sb.append(name).append('=');
  }

  private void str(String name, String value) {
    if (value == null) {
      return;
    }
    key(name);
    strRepr(sb, value);
  }

  private void strList(String name, List<String> values) {
    key(name);
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      strRepr(sb, values.get(i));
    }
    sb.append(']');
  }

  private void intField(String name, int v) {
    key(name);
    sb.append(v);
  }

  private void enumField(String name, Enum<?> e) {
    key(name);
    sb.append(e.name()).append("()");
  }

  private void attrs(TextRange r) {
    int s = r.start();
    int e = r.end();
    sep();
    sb.append("lineno=").append(lines.line(s));
    sb.append(", col_offset=").append(lines.utf8Column(s));
    sb.append(", end_lineno=").append(lines.line(e));
    sb.append(", end_col_offset=").append(lines.utf8Column(e));
  }

  private void close(Node n) {
    attrs(n.range());
    sb.append(')');
  }

  private void expr(String name, Expr e) {
    if (e == null) {
      return;
    }
    key(name);
    expr(e);
  }

  private void exprs(String name, List<Expr> es) {
    key(name);
    sb.append('[');
    for (int i = 0; i < es.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Expr e = es.get(i);
      if (e == null) {
        sb.append("None");
      } else {
        expr(e);
      }
    }
    sb.append(']');
  }

  private void stmts(String name, List<Stmt> ss) {
    key(name);
    sb.append('[');
    for (int i = 0; i < ss.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      stmt(ss.get(i));
    }
    sb.append(']');
  }

  private <T> void list(String name, List<T> items, java.util.function.Consumer<T> each) {
    key(name);
    sb.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      each.accept(items.get(i));
    }
    sb.append(']');
  }

  private void stmt(Stmt s) {
    switch (s) {
      case Stmt.FunctionDef f -> {
        open("FunctionDef");
        funcBody(f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
        close(f);
      }
      case Stmt.AsyncFunctionDef f -> {
        open("AsyncFunctionDef");
        funcBody(f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
        close(f);
      }
      case Stmt.ClassDef c -> {
        open("ClassDef");
        str("name", c.name());
        exprs("bases", c.bases());
        list("keywords", c.keywords(), this::keyword);
        stmts("body", c.body());
        exprs("decorator_list", c.decoratorList());
        list("type_params", c.typeParams(), this::typeParam);
        close(c);
      }
      case Stmt.Return r -> {
        open("Return");
        expr("value", r.value());
        close(r);
      }
      case Stmt.Delete d -> {
        open("Delete");
        exprs("targets", d.targets());
        close(d);
      }
      case Stmt.Assign a -> {
        open("Assign");
        exprs("targets", a.targets());
        expr("value", a.value());
        close(a);
      }
      case Stmt.TypeAlias a -> {
        open("TypeAlias");
        expr("name", a.name());
        list("type_params", a.typeParams(), this::typeParam);
        expr("value", a.value());
        close(a);
      }
      case Stmt.AugAssign a -> {
        open("AugAssign");
        expr("target", a.target());
        enumField("op", a.op());
        expr("value", a.value());
        close(a);
      }
      case Stmt.AnnAssign a -> {
        open("AnnAssign");
        expr("target", a.target());
        expr("annotation", a.annotation());
        expr("value", a.value());
        intField("simple", a.simple() ? 1 : 0);
        close(a);
      }
      case Stmt.For f -> {
        open("For");
        expr("target", f.target());
        expr("iter", f.iter());
        stmts("body", f.body());
        stmts("orelse", f.orelse());
        close(f);
      }
      case Stmt.AsyncFor f -> {
        open("AsyncFor");
        expr("target", f.target());
        expr("iter", f.iter());
        stmts("body", f.body());
        stmts("orelse", f.orelse());
        close(f);
      }
      case Stmt.While w -> {
        open("While");
        expr("test", w.test());
        stmts("body", w.body());
        stmts("orelse", w.orelse());
        close(w);
      }
      case Stmt.If i -> {
        open("If");
        expr("test", i.test());
        stmts("body", i.body());
        stmts("orelse", i.orelse());
        close(i);
      }
      case Stmt.With w -> {
        open("With");
        list("items", w.items(), this::withItem);
        stmts("body", w.body());
        close(w);
      }
      case Stmt.AsyncWith w -> {
        open("AsyncWith");
        list("items", w.items(), this::withItem);
        stmts("body", w.body());
        close(w);
      }
      case Stmt.Match m -> {
        open("Match");
        expr("subject", m.subject());
        list("cases", m.cases(), this::matchCase);
        close(m);
      }
      case Stmt.Raise r -> {
        open("Raise");
        expr("exc", r.exc());
        expr("cause", r.cause());
        close(r);
      }
      case Stmt.Try t -> {
        open("Try");
        stmts("body", t.body());
        list("handlers", t.handlers(), this::handler);
        stmts("orelse", t.orelse());
        stmts("finalbody", t.finalbody());
        close(t);
      }
      case Stmt.TryStar t -> {
        open("TryStar");
        stmts("body", t.body());
        list("handlers", t.handlers(), this::handler);
        stmts("orelse", t.orelse());
        stmts("finalbody", t.finalbody());
        close(t);
      }
      case Stmt.Assert a -> {
        open("Assert");
        expr("test", a.test());
        expr("msg", a.msg());
        close(a);
      }
      case Stmt.Import i -> {
        open("Import");
        list("names", i.names(), this::alias);
        close(i);
      }
      case Stmt.ImportFrom i -> {
        open("ImportFrom");
        str("module", i.module());
        list("names", i.names(), this::alias);
        intField("level", i.level());
        close(i);
      }
      case Stmt.Global g -> {
        open("Global");
        strList("names", g.names());
        close(g);
      }
      case Stmt.Nonlocal g -> {
        open("Nonlocal");
        strList("names", g.names());
        close(g);
      }
      case Stmt.ExprStmt e -> {
        open("Expr");
        expr("value", e.value());
        close(e);
      }
      case Stmt.Pass x -> {
        open("Pass");
        close(x);
      }
      case Stmt.Break x -> {
        open("Break");
        close(x);
      }
      case Stmt.Continue x -> {
        open("Continue");
        close(x);
      }
    }
  }

  private void funcBody(
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decorators,
      Expr returns,
      List<TypeParam> tps) {
    str("name", name);
    key("args");
    arguments(args);
    stmts("body", body);
    exprs("decorator_list", decorators);
    expr("returns", returns);
    list("type_params", tps, this::typeParam);
  }

  private void arguments(Arguments a) {
    open("arguments");
    list("posonlyargs", a.posonlyargs(), this::arg);
    list("args", a.args(), this::arg);
    if (a.vararg() != null) {
      key("vararg");
      arg(a.vararg());
    }
    list("kwonlyargs", a.kwonlyargs(), this::arg);
    exprs("kw_defaults", a.kwDefaults());
    if (a.kwarg() != null) {
      key("kwarg");
      arg(a.kwarg());
    }
    exprs("defaults", a.defaults());
    sb.append(')');
  }

  private void arg(Arg a) {
    open("arg");
    str("arg", a.arg());
    expr("annotation", a.annotation());
    close(a);
  }

  private void keyword(Keyword k) {
    open("keyword");
    str("arg", k.arg());
    expr("value", k.value());
    close(k);
  }

  private void alias(Alias a) {
    open("alias");
    str("name", a.name());
    str("asname", a.asname());
    close(a);
  }

  private void withItem(WithItem w) {
    open("withitem");
    expr("context_expr", w.contextExpr());
    expr("optional_vars", w.optionalVars());
    sb.append(')');
  }

  private void matchCase(MatchCase c) {
    open("match_case");
    key("pattern");
    pattern(c.pattern());
    expr("guard", c.guard());
    stmts("body", c.body());
    sb.append(')');
  }

  private void handler(ExceptHandler h) {
    open("ExceptHandler");
    expr("type", h.type());
    str("name", h.name());
    stmts("body", h.body());
    close(h);
  }

  private void comprehension(Comprehension c) {
    open("comprehension");
    expr("target", c.target());
    expr("iter", c.iter());
    exprs("ifs", c.ifs());
    intField("is_async", c.isAsync() ? 1 : 0);
    sb.append(')');
  }

  private void typeParam(TypeParam tp) {
    switch (tp) {
      case TypeParam.TypeVar v -> {
        open("TypeVar");
        str("name", v.name());
        expr("bound", v.bound());
        expr("default_value", v.defaultValue());
        close(v);
      }
      case TypeParam.ParamSpec v -> {
        open("ParamSpec");
        str("name", v.name());
        expr("default_value", v.defaultValue());
        close(v);
      }
      case TypeParam.TypeVarTuple v -> {
        open("TypeVarTuple");
        str("name", v.name());
        expr("default_value", v.defaultValue());
        close(v);
      }
    }
  }

  private void patterns(String name, List<Pattern> ps) {
    list(name, ps, this::pattern);
  }

  private void pattern(Pattern p) {
    switch (p) {
      case Pattern.MatchValue v -> {
        open("MatchValue");
        expr("value", v.value());
        close(v);
      }
      case Pattern.MatchSingleton v -> {
        open("MatchSingleton");
        key("value");
        constant(v.value());
        close(v);
      }
      case Pattern.MatchSequence v -> {
        open("MatchSequence");
        patterns("patterns", v.patterns());
        close(v);
      }
      case Pattern.MatchMapping v -> {
        open("MatchMapping");
        exprs("keys", v.keys());
        patterns("patterns", v.patterns());
        str("rest", v.rest());
        close(v);
      }
      case Pattern.MatchClass v -> {
        open("MatchClass");
        expr("cls", v.cls());
        patterns("patterns", v.patterns());
        strList("kwd_attrs", v.kwdAttrs());
        patterns("kwd_patterns", v.kwdPatterns());
        close(v);
      }
      case Pattern.MatchStar v -> {
        open("MatchStar");
        str("name", v.name());
        close(v);
      }
      case Pattern.MatchAs v -> {
        open("MatchAs");
        if (v.pattern() != null) {
          key("pattern");
          pattern(v.pattern());
        }
        str("name", v.name());
        close(v);
      }
      case Pattern.MatchOr v -> {
        open("MatchOr");
        patterns("patterns", v.patterns());
        close(v);
      }
    }
  }

  private void expr(Expr e) {
    switch (e) {
      case Expr.BoolOp b -> {
        open("BoolOp");
        enumField("op", b.op());
        exprs("values", b.values());
        close(b);
      }
      case Expr.NamedExpr x -> {
        open("NamedExpr");
        expr("target", x.target());
        expr("value", x.value());
        close(x);
      }
      case Expr.BinOp x -> {
        open("BinOp");
        expr("left", x.left());
        enumField("op", x.op());
        expr("right", x.right());
        close(x);
      }
      case Expr.UnaryOp x -> {
        open("UnaryOp");
        enumField("op", x.op());
        expr("operand", x.operand());
        close(x);
      }
      case Expr.Lambda x -> {
        open("Lambda");
        key("args");
        arguments(x.args());
        expr("body", x.body());
        close(x);
      }
      case Expr.IfExp x -> {
        open("IfExp");
        expr("test", x.test());
        expr("body", x.body());
        expr("orelse", x.orelse());
        close(x);
      }
      case Expr.Dict x -> {
        open("Dict");
        exprs("keys", x.keys());
        exprs("values", x.values());
        close(x);
      }
      case Expr.SetExpr x -> {
        open("Set");
        exprs("elts", x.elts());
        close(x);
      }
      case Expr.ListComp x -> {
        open("ListComp");
        expr("elt", x.elt());
        list("generators", x.generators(), this::comprehension);
        close(x);
      }
      case Expr.SetComp x -> {
        open("SetComp");
        expr("elt", x.elt());
        list("generators", x.generators(), this::comprehension);
        close(x);
      }
      case Expr.DictComp x -> {
        open("DictComp");
        expr("key", x.key());
        expr("value", x.value());
        list("generators", x.generators(), this::comprehension);
        close(x);
      }
      case Expr.GeneratorExp x -> {
        open("GeneratorExp");
        expr("elt", x.elt());
        list("generators", x.generators(), this::comprehension);
        close(x);
      }
      case Expr.Await x -> {
        open("Await");
        expr("value", x.value());
        close(x);
      }
      case Expr.Yield x -> {
        open("Yield");
        expr("value", x.value());
        close(x);
      }
      case Expr.YieldFrom x -> {
        open("YieldFrom");
        expr("value", x.value());
        close(x);
      }
      case Expr.Compare x -> {
        open("Compare");
        expr("left", x.left());
        key("ops");
        sb.append('[');
        List<CmpOp> ops = x.ops();
        for (int i = 0; i < ops.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(ops.get(i).name()).append("()");
        }
        sb.append(']');
        exprs("comparators", x.comparators());
        close(x);
      }
      case Expr.Call x -> {
        open("Call");
        expr("func", x.func());
        exprs("args", x.args());
        list("keywords", x.keywords(), this::keyword);
        close(x);
      }
      case Expr.FormattedValue x -> {
        open("FormattedValue");
        expr("value", x.value());
        intField("conversion", x.conversion());
        expr("format_spec", x.formatSpec());
        close(x);
      }
      case Expr.Interpolation x -> {
        open("Interpolation");
        expr("value", x.value());
        key("str");
        strRepr(sb, x.str());
        intField("conversion", x.conversion());
        expr("format_spec", x.formatSpec());
        close(x);
      }
      case Expr.JoinedStr x -> {
        open("JoinedStr");
        exprs("values", x.values());
        close(x);
      }
      case Expr.TemplateStr x -> {
        open("TemplateStr");
        exprs("values", x.values());
        close(x);
      }
      case Expr.Constant x -> {
        open("Constant");
        key("value");
        java.util.BitSet lone =
            x.value() instanceof ConstantValue.Str str && hasSurrogate(str.value())
                ? dev.keel.python.parser.Parser.escapedSurrogates(
                    lines.text(), x.range().start(), x.range().end())
                : null;
        if (lone != null) {
          strRepr(sb, ((ConstantValue.Str) x.value()).value(), lone);
        } else {
          constant(x.value());
        }
        str("kind", x.kind());
        close(x);
      }
      case Expr.Attribute x -> {
        open("Attribute");
        expr("value", x.value());
        str("attr", x.attr());
        enumField("ctx", x.ctx());
        close(x);
      }
      case Expr.Subscript x -> {
        open("Subscript");
        expr("value", x.value());
        expr("slice", x.slice());
        enumField("ctx", x.ctx());
        close(x);
      }
      case Expr.Starred x -> {
        open("Starred");
        expr("value", x.value());
        enumField("ctx", x.ctx());
        close(x);
      }
      case Expr.Name x -> {
        open("Name");
        str("id", x.id());
        enumField("ctx", x.ctx());
        close(x);
      }
      case Expr.ListExpr x -> {
        open("List");
        exprs("elts", x.elts());
        enumField("ctx", x.ctx());
        close(x);
      }
      case Expr.Tuple x -> {
        open("Tuple");
        exprs("elts", x.elts());
        enumField("ctx", x.ctx());
        close(x);
      }
      case Expr.Slice x -> {
        open("Slice");
        expr("lower", x.lower());
        expr("upper", x.upper());
        expr("step", x.step());
        close(x);
      }
    }
  }

  private void constant(ConstantValue v) {
    sb.append(repr(v));
  }

  /** Python's {@code repr} of a constant value. */
  public static String repr(ConstantValue v) {
    return switch (v) {
      case ConstantValue.NoneValue n -> "None";
      case ConstantValue.Bool b -> b.value() ? "True" : "False";
      case ConstantValue.EllipsisValue e -> "Ellipsis";
      case ConstantValue.Int i -> i.value().toString();
      case ConstantValue.Float f -> floatRepr(f.value(), true);
      case ConstantValue.Complex c -> floatRepr(c.imag(), false) + "j";
      case ConstantValue.Str s -> {
        StringBuilder b = new StringBuilder(s.value().length() + 2);
        strRepr(b, s.value());
        yield b.toString();
      }
      case ConstantValue.Bytes b -> bytesRepr(b.value());
    };
  }

  /** Python's {@code repr(float)}; without {@code pointZero}, integral values get no ".0". */
  static String floatRepr(double d, boolean pointZero) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      String z = (1 / d < 0 ? "-0" : "0");
      return pointZero ? z + ".0" : z;
    }
    String s = Double.toString(Math.abs(d));
    String sign = d < 0 ? "-" : "";
    int ePos = s.indexOf('E');
    String mant = ePos < 0 ? s : s.substring(0, ePos);
    int exp = ePos < 0 ? 0 : Integer.parseInt(s.substring(ePos + 1));
    int dot = mant.indexOf('.');
    String digits = mant.substring(0, dot) + mant.substring(dot + 1);
    int decpt = dot + exp;
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    decpt -= lead;
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(0, end);
    if (digits.length() == 2) {
      // Java prints at least two digits; Python prints the shortest that round-trips
      int first = digits.charAt(0) - '0';
      int second = digits.charAt(1) - '0';
      int r = second >= 5 ? first + 1 : first;
      int dp = decpt;
      String cand = r == 10 ? "1" : String.valueOf(r);
      if (r == 10) {
        dp++;
      }
      if (Double.parseDouble("0." + cand + "E" + dp) == Math.abs(d)) {
        digits = cand;
        decpt = dp;
      } else {
        cand = String.valueOf(first);
        if (first != 0 && Double.parseDouble("0." + cand + "E" + decpt) == Math.abs(d)) {
          digits = cand;
        }
      }
    }
    StringBuilder b = new StringBuilder(sign);
    if (decpt > -4 && decpt <= 16) {
      if (decpt <= 0) {
        b.append("0.");
        b.append("0".repeat(-decpt));
        b.append(digits);
      } else if (decpt >= digits.length()) {
        b.append(digits);
        b.append("0".repeat(decpt - digits.length()));
        if (pointZero) {
          b.append(".0");
        }
      } else {
        b.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
      }
    } else {
      b.append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits, 1, digits.length());
      }
      int e = decpt - 1;
      b.append('e').append(e < 0 ? '-' : '+');
      int ae = Math.abs(e);
      if (ae < 10) {
        b.append('0');
      }
      b.append(ae);
    }
    return b.toString();
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Appends Python's {@code repr(str)}. */
  static void strRepr(StringBuilder b, String s) {
    strRepr(b, s, null);
  }

  /** As {@link #strRepr(StringBuilder, String)}; chars at indices in {@code lone} stand alone. */
  static void strRepr(StringBuilder b, String s, java.util.BitSet lone) {
    char quote = '\'';
    if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) {
      quote = '"';
    }
    b.append(quote);
    int n = s.length();
    for (int i = 0; i < n; ) {
      int c = s.codePointAt(i);
      if (lone != null && c > 0xFFFF && (lone.get(i) || lone.get(i + 1))) {
        c = s.charAt(i);
      }
      i += Character.charCount(c);
      if (c == quote || c == '\\') {
        b.append('\\').append((char) c);
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c < ' ' || c == 0x7f) {
        hex(b, "\\x", c, 2);
      } else if (c < 0x7f) {
        b.append((char) c);
      } else if (printable(c)) {
        b.appendCodePoint(c);
      } else if (c <= 0xff) {
        hex(b, "\\x", c, 2);
      } else if (c <= 0xffff) {
        hex(b, "\\u", c, 4);
      } else {
        hex(b, "\\U", c, 8);
      }
    }
    b.append(quote);
  }

  private static void hex(StringBuilder b, String prefix, int c, int width) {
    b.append(prefix);
    String h = Integer.toHexString(c);
    for (int i = h.length(); i < width; i++) {
      b.append('0');
    }
    b.append(h);
  }

  private static boolean printable(int c) {
    return PythonUnicode.isPrintable(c);
  }

  static String bytesRepr(byte[] v) {
    boolean sq = false;
    boolean dq = false;
    for (byte x : v) {
      sq |= x == '\'';
      dq |= x == '"';
    }
    char quote = sq && !dq ? '"' : '\'';
    StringBuilder b = new StringBuilder(v.length + 3);
    b.append('b').append(quote);
    for (byte x : v) {
      int c = x & 0xff;
      if (c == quote || c == '\\') {
        b.append('\\').append((char) c);
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c < ' ' || c >= 0x7f) {
        hex(b, "\\x", c, 2);
      } else {
        b.append((char) c);
      }
    }
    return b.append(quote).toString();
  }
}
