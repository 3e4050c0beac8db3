/**
 * {@code ARC}: how the code is laid out and which parts depend on which: package depth, empty
 * packages, logic in {@code __init__.py}, dumping-ground modules, modules that shadow the standard
 * library, and (on the module graph) cycles, hubs and layer contracts. The oldest Python a project
 * targets comes from {@link dev.keel.rules.project.RequiresPython}.
 */
package dev.keel.rules.architecture;
