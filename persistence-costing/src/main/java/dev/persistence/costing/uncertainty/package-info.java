/**
 * Uncertain assumptions as immutable distributions, a seeded Monte Carlo of the closed-form training cost model
 * (P10/P50/P90 of cost, days, energy, carbon and loss) and a sensitivity ranking.
 */
package dev.persistence.costing.uncertainty;
