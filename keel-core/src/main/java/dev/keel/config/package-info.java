/**
 * Configuration: {@code [tool.keel]} from pyproject.toml or keel.toml, validated by {@link
 * dev.keel.config.ConfigLoader} so that every mistake names the key and what is allowed, into a
 * {@link dev.keel.config.KeelConfig} (built with its {@code Builder}, where the defaults are). The
 * thresholds are a {@link dev.keel.config.Thresholds} record whose keys and defaults are the one
 * table {@link dev.keel.config.Threshold} (the loader and {@code keel init} read it); fixed choices
 * are enums ({@link dev.keel.config.Tier}, {@link dev.keel.config.CycleMode}, {@link
 * dev.keel.config.LayerContract.Type}). Uses nothing else in Keel but severities ({@code
 * dev.keel.finding}) and the shared readers of {@code dev.keel}.
 */
package dev.keel.config;
