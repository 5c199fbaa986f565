package org.assist.application.run;

/**
 * A run ended on one of its sessions (done, failed, declined, interrupted, expired or refused).
 * Fired as a CDI event; observed once the change is committed, by those waiting for the run's
 * result.
 */
public record RunTargetEnded(long runId) {}
