/**
 * JMH benchmarks of the hot paths; never published.
 */
package dev.persistence.benchmarks;
