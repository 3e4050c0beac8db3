/**
 * Configuration: {@code [tool.keel]} from pyproject.toml or keel.toml, validated so that every
 * mistake names the key and what is allowed. Depends on nothing else in Keel but severities.
 */
package dev.keel.config;
