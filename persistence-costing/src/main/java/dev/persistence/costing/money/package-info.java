/**
 * Money: cloud prices per accelerator-hour (dated, sourced presets that users override) and the cost of owning a
 * cluster (capital amortised over its life and utilisation, energy, operations staff), for the same usage.
 */
@PersistenceStyle
package dev.persistence.costing.money;

import dev.persistence.core.PersistenceStyle;
