/**
 * {@code CPX}: functions too complex, too long, with too many parameters or nested too deep. The
 * numbers come from {@link dev.keel.metrics}, so findings agree with {@code keel metrics}.
 */
package dev.keel.rules.complexity;
