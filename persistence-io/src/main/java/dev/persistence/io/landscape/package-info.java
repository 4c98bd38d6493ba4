/**
 * The landscape of notable models as JSON ({@link dev.persistence.io.landscape.LandscapeJson}: a model's
 * comparison, the frontier trend, a plan's positioning) and a plan's positioning against the bundled catalog
 * ({@link dev.persistence.io.landscape.PlanPositioning}).
 */
package dev.persistence.io.landscape;
