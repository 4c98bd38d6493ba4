/**
 * Files of post-training stages: the {@code postTraining} section of a scenario's phase and the stand-alone stage
 * file of {@code persistence post-train}.
 */
@PersistenceStyle
package dev.persistence.io.posttraining;

import dev.persistence.core.PersistenceStyle;
