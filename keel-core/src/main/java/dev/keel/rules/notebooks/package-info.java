/**
 * {@code NBK}: notebooks as notebooks: secrets in saved outputs, cells run out of order, names used
 * before the cell that defines them, outputs that should not be committed, notebooks that have
 * become production code, and notebooks Keel cannot read. The file rules run on a notebook's code
 * cells as well; these see what a {@code .py} file does not have.
 */
package dev.keel.rules.notebooks;
