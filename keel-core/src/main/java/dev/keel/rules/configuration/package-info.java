/**
 * {@code CFG} (file level): how a module meets its configuration and its start-up — environment
 * reads scattered through functions, work done at import time, {@code print} in library code. The
 * project-level {@code CFG} rules, if any, live with the project rules.
 */
package dev.keel.rules.configuration;
