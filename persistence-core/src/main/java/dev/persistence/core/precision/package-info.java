/**
 * Number formats and how many bytes training and inference keep per parameter: {@link
 * dev.persistence.core.precision.NumericFormat}, {@link dev.persistence.core.precision.TrainingPrecision} and
 * {@link dev.persistence.core.precision.WeightFormat}.
 */
@PersistenceStyle
package dev.persistence.core.precision;

import dev.persistence.core.PersistenceStyle;
