/**
 * {@code TST}: whether the test suite can catch a regression: tests that assert nothing, tests that
 * only check mocks, modules no test mirrors. File rules read test modules; project rules compare
 * the source tree with the test tree, or follow a test's calls into helpers of other test modules
 * (TST001, from the test facts of the module summaries).
 */
package dev.keel.rules.tests;
