/**
 * The step-time model: how long one training step of a model takes on a cluster under a parallelism plan, where
 * the time goes, and what that means for throughput, FLOP utilization and time to train.
 */
package dev.persistence.costing.steptime;
