/** {@code SYN}: files that are not valid Python. */
package dev.keel.rules.syntax;
