/** {@code SYN}: files that are not valid Python, and files Keel could not or would not read. */
package dev.keel.rules.syntax;
