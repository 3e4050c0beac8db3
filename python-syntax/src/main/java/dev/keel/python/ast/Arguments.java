package dev.keel.python.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CPython's {@code arguments}: a parameter list. {@code kwDefaults} has one entry per keyword-only
 * parameter, null where it has no default; {@code defaults} belong to the last positional
 * parameters. {@code vararg} and {@code kwarg} may be null.
 */
public record Arguments(
    TextRange range,
    List<Arg> posonlyargs,
    List<Arg> args,
    Arg vararg,
    List<Arg> kwonlyargs,
    List<Expr> kwDefaults,
    Arg kwarg,
    List<Expr> defaults)
    implements Node {
  public Arguments {
    posonlyargs = List.copyOf(posonlyargs);
    args = List.copyOf(args);
    kwonlyargs = List.copyOf(kwonlyargs);
    kwDefaults = Collections.unmodifiableList(new ArrayList<>(kwDefaults));
    defaults = List.copyOf(defaults);
  }
}
