/**
 * {@code REL}: code that fails at run time in ways a reader does not see (errors swallowed, calls
 * that hang, blocked event loops, shared mutable defaults, naive datetimes, checks that vanish
 * under {@code -O}). File rules only; calls are resolved through {@code FileVisit.qualifiedName}.
 */
package dev.keel.rules.reliability;
