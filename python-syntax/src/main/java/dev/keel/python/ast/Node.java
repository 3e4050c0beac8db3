package dev.keel.python.ast;

/**
 * Any node of the syntax tree. Every node has a source range; nodes that have no position in
 * CPython's {@code ast} (arguments, comprehension, withitem, match_case, Module) still carry the
 * range of the text they were parsed from.
 */
public sealed interface Node
    permits Mod,
        Stmt,
        Expr,
        Pattern,
        TypeParam,
        Comprehension,
        ExceptHandler,
        Arguments,
        Arg,
        Keyword,
        Alias,
        WithItem,
        MatchCase {
  /** Where the node is in the decoded source text. */
  TextRange range();
}
