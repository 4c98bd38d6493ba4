package dev.persistence.core.architecture;

/** The feed-forward block of a transformer layer: dense or a mixture of experts. */
public sealed interface FeedForward permits DenseFeedForward, MixtureOfExperts {}
