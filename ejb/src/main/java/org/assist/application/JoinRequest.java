package org.assist.application;

/**
 * What an agent sends to join a session: the number the customer typed and what the agent says
 * about its computer (untrusted, clipped and escaped wherever it is kept or shown).
 */
public record JoinRequest(String number, String computerName, String osName, String osUser) {}
