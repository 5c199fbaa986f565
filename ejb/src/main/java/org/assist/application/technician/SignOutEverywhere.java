package org.assist.application.technician;

/**
 * An account was disabled, its role changed or its password reset: fired as a CDI event; once
 * committed, the web layer signs it out of every console and closes its live connections, so that
 * what changed applies at once.
 */
public record SignOutEverywhere(String username) {}
