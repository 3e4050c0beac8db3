/**
 * The result cache (DESIGN.md, "Two things sit beside the flow"): per-file results stored under a
 * key made of the file's content hash, Keel's build and the settings that apply to the file, so a
 * re-run analyses only what changed. {@link dev.keel.cache.ResultCache} holds the entries on disk
 * (atomic writes, checksummed, pruned when unused for 30 days); {@link dev.keel.cache.RecordCodec}
 * turns a record into bytes and back, by reflection over its components, so a component added to a
 * cached type is stored without a change here (or refused loudly when its type is one the codec
 * cannot store); {@link dev.keel.cache.CanonicalText} writes settings in a stable order for the
 * key. Uses only {@code dev.keel} and the JDK: what is cached is the caller's record.
 */
package dev.keel.cache;
