package dev.persistence.costing.steptime;

/**
 * Time to train on a token budget.
 *
 * @param tokens the token budget
 * @param steps optimizer steps, {@code ceil(tokens / globalBatchTokens)}
 * @param seconds wall-clock seconds
 * @param days wall-clock days
 * @param acceleratorHours accelerators times wall-clock hours
 */
public record TrainingTime(double tokens, double steps, double seconds, double days, double acceleratorHours) {}
