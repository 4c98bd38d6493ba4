/**
 * Data calculations that need a scaling law or a price: effective tokens of a mixture under repetition ({@link
 * MixtureEffectiveTokens}, using {@link dev.persistence.scaling.law.DataConstrainedLaw}), tokens available against
 * a law's token target and the loss penalty of the repetition it forces ({@link DataAdequacy}, {@link
 * TokenTarget}), and the data budget in USD ({@link DataBudget}). The types are in {@code
 * dev.persistence.core.data}.
 */
@PersistenceStyle
package dev.persistence.scaling.data;

import dev.persistence.core.PersistenceStyle;
