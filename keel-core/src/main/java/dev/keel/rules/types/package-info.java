/**
 * {@code TYP}: public callables without annotations, modules with low annotation coverage, {@code
 * Any} in public signatures and implicit {@code Optional}. Names such as {@code typing.Any} are
 * resolved through the module's imports ({@link dev.keel.rule.FileVisit#qualifiedName}).
 */
package dev.keel.rules.types;
