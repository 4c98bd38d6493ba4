/**
 * The plan: one {@link dev.persistence.costing.plan.Scenario} (model, data, cluster, prices, program, assumptions)
 * in, one {@link dev.persistence.costing.plan.PlanReport} out, with every figure from the calculators of this
 * module, the scaling laws and the core accounting.
 */
@PersistenceStyle
package dev.persistence.costing.plan;

import dev.persistence.core.PersistenceStyle;
