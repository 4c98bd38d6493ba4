/**
 * Fitting scaling laws to a team's own runs: Approach 3 (the parametric Chinchilla form, Huber loss on log-space
 * residuals, multi-start quasi-Newton), Approach 2 (isoFLOP parabolas) and seeded bootstrap intervals.
 */
@PersistenceStyle
package dev.persistence.scaling.fit;

import dev.persistence.core.PersistenceStyle;
