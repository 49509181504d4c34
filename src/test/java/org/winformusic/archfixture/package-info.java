/**
 * A tiny application with deliberate violations of the architecture rules, for
 * {@code ArchitectureRulesTests}: {@code alpha} uses {@code gamma} without declaring it,
 * {@code beta} has a public controller, a public type nobody outside uses, and SQL naming
 * {@code alpha}'s table.
 */
package org.winformusic.archfixture;
