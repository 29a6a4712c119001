package dev.playground.events;

/**
 * What one circuit breaker did in a run: its state now, how many transitions, how many times it opened, and how
 * long it was open in total (on the run clock, up to the latest event). Immutable and thread-safe.
 */
public record BreakerStats(BreakerState state, long transitions, long opened, long openMs) {}
