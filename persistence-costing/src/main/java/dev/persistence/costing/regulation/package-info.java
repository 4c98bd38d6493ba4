/** Regulatory training-compute thresholds, each with its legal source and date, and which a run crosses. */
@PersistenceStyle
package dev.persistence.costing.regulation;

import dev.persistence.core.PersistenceStyle;
