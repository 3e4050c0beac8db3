/**
 * {@code ARC}: how the code is laid out and which parts depend on which: package depth, empty
 * packages, logic in {@code __init__.py}, dumping-ground modules, modules that shadow the standard
 * library, and (on the module graph) cycles, hubs and layer contracts.
 */
package dev.keel.rules.architecture;
