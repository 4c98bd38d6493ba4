/**
 * Documents of regulation (dev.persistence.costing.regulation): compute thresholds, and the obligations they bring
 * with the revenue tiers some are limited to ({@link dev.persistence.io.regulation.ObligationDocuments}).
 */
package dev.persistence.io.regulation;
