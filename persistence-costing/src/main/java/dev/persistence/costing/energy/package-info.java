/**
 * Energy of a job (accelerator power at a utilisation, server overhead, facility PUE) and its carbon, location-
 * and market-based.
 */
package dev.persistence.costing.energy;
