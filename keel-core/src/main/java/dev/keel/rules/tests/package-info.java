/**
 * {@code TST}: whether the test suite can catch a regression: tests that assert nothing, tests that
 * only check mocks, modules no test mirrors. File rules read test modules; project rules compare
 * the source tree with the test tree.
 */
package dev.keel.rules.tests;
