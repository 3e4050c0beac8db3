/**
 * Configuration: {@code [tool.keel]} from pyproject.toml or keel.toml, validated so that every
 * mistake names the key and what is allowed. Uses nothing else in Keel but severities ({@code
 * dev.keel.finding}) and the shared readers of {@code dev.keel}.
 */
package dev.keel.config;
