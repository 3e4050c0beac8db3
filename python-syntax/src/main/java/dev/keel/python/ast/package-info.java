/**
 * The Python syntax tree: immutable records, one per node class of CPython 3.14's {@code ast}
 * module ({@code Parser/Python.asdl}), grouped under sealed interfaces ({@link
 * dev.keel.python.ast.Mod}, {@link dev.keel.python.ast.Stmt}, {@link dev.keel.python.ast.Expr},
 * {@link dev.keel.python.ast.Pattern}, {@link dev.keel.python.ast.TypeParam}) so rules can {@code
 * switch} over them exhaustively.
 *
 * <p>Mapping of names: CPython's {@code Expr} statement is {@code Stmt.ExprStmt}; {@code List} and
 * {@code Set} expressions are {@code Expr.ListExpr} and {@code Expr.SetExpr}; the enums {@code
 * boolop}, {@code operator}, {@code unaryop}, {@code cmpop} and {@code expr_context} are {@link
 * dev.keel.python.ast.BoolOperator}, {@link dev.keel.python.ast.Operator}, {@link
 * dev.keel.python.ast.UnaryOperator}, {@link dev.keel.python.ast.CmpOp} and {@link
 * dev.keel.python.ast.ExprContext}; snake_case fields are camelCase ({@code decorator_list} is
 * {@code decoratorList}); constants are {@link dev.keel.python.ast.ConstantValue}. Every record's
 * first component is its {@link dev.keel.python.ast.TextRange}; optional fields are {@code null}
 * when absent, lists are never null. {@code type_comment} fields are omitted (always None from
 * {@code ast.parse} without {@code type_comments=True}).
 *
 * <p>{@link dev.keel.python.ast.SyntaxChildren} lists the children of every kind of node, in source
 * order: every walk over the tree (the semantic model's, the file rules', the metrics') descends
 * through it.
 *
 * <p>Uses nothing outside the JDK: the parser, the entry points and the rest of Keel use it.
 */
package dev.keel.python.ast;
