package org.assist.agent.consent;

/**
 * The customer's answer, and how it was given (reported to the server for the session report).
 *
 * @param how {@code customer}, {@code customer-for-session}, {@code remembered}, {@code policy} or
 *     {@code timeout}
 */
public record ConsentAnswer(boolean granted, String how) {}
