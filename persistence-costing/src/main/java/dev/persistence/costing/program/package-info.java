/**
 * The program around a model: phases (pre-training, experiments, post-training, evaluation, serving), the team
 * with its hiring ramp, the timeline, and the funding it needs: monthly burn, contingency and runway.
 */
@PersistenceStyle
package dev.persistence.costing.program;

import dev.persistence.core.PersistenceStyle;
