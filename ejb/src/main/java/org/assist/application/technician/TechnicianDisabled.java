package org.assist.application.technician;

/**
 * An account was disabled: fired as a CDI event; once committed, the web layer signs it out of
 * every console and closes its live connections.
 */
public record TechnicianDisabled(String username) {}
