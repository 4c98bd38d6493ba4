/**
 * Capability forecasts by the two-step method of the Llama 3 report (Dubey et al. 2024, arXiv:2407.21783,
 * section 3.2.1): a scaling law takes compute (or parameters and tokens) to loss, then a sigmoid fitted to the
 * team's own runs takes loss to a benchmark score; both steps are fitted to the same runs and bootstrapped
 * together for an interval.
 */
@PersistenceStyle
package dev.persistence.scaling.forecast;

import dev.persistence.core.PersistenceStyle;
