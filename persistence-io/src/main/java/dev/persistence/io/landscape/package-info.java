/**
 * The landscape of notable models as JSON ({@link dev.persistence.io.landscape.LandscapeJson}: a model's
 * comparison, the frontier trend, a plan's positioning); the positioning itself is computed by {@code
 * dev.persistence.costing.plan.PlanPositioning}.
 */
package dev.persistence.io.landscape;
