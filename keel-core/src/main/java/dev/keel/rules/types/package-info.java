/**
 * {@code TYP}: public callables without annotations, modules with low annotation coverage, {@code
 * Any} in public signatures and implicit {@code Optional}. Names such as {@code typing.Any} are
 * resolved through the module's own imports by {@link dev.keel.rules.types.TypingNames}, until the
 * semantic model offers qualified names.
 */
package dev.keel.rules.types;
