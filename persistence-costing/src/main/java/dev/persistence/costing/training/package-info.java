/**
 * A training run's time and accelerator-hours: total training FLOPs over the achieved FLOP/s of the
 * accelerators (from a step-time model, or a user-given MFU times the dense peak), stretched by a goodput
 * allowance for failures, restarts and checkpointing.
 */
package dev.persistence.costing.training;
