/**
 * Forward and training FLOPs per token under named conventions (our exact count, Kaplan, Chinchilla, Megatron),
 * so that a user can reproduce a paper's figure and know which convention a number holds.
 */
package dev.persistence.core.flops;
