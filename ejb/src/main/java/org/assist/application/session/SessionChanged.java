package org.assist.application.session;

/**
 * Something on a session changed that open consoles should show at once (presence, an answer, new
 * system information). Fired as a CDI event after the change is committed.
 *
 * @param technician user name of the session's technician, whose consoles are told
 */
public record SessionChanged(long sessionId, String technician, String what) {}
