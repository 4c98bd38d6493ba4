/**
 * Scaling laws (Kaplan, Chinchilla, Epoch, Muennighoff, Sardana, DeepSeek), compute-optimal allocation and fitting laws to a team's own training runs.
 */
package dev.persistence.scaling;
