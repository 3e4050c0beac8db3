/**
 * The NAM family: names that are imported and never used, read and never defined, assigned and
 * never read, or redefined before use. The rules report what {@link
 * dev.keel.semantic.SemanticModel} found in pyflakes' sense (a differential test holds them to
 * pyflakes over the standard library); unused imports in a package's {@code __init__.py} are judged
 * with the whole project in view. Depends on the rule framework and the semantic model.
 */
package dev.keel.rules.names;
