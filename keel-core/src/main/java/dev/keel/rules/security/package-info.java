/**
 * {@code SEC}: code that hands an attacker a way in (code or shell injection, unsafe
 * deserialisation, SQL built from strings, secrets in the source, disabled TLS checks, debug
 * servers). File rules only; calls are resolved through {@code FileVisit.qualifiedName}, never by
 * bare name.
 */
package dev.keel.rules.security;
