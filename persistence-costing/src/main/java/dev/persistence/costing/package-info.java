/**
 * The step-time model and parallelism search, and what follows from them: time, money, energy, carbon, serving cost, program budgets, regulatory thresholds and uncertainty.
 */
package dev.persistence.costing;
