package org.assist.application.chat;

import java.util.List;

/**
 * A session's chat gained lines, in this order; fired as a CDI event and sent to open consoles once
 * committed. (One event for the lines of one change: separate events of one transaction may be
 * delivered in any order.)
 *
 * @param technician user name of the session's technician, whose consoles are told
 */
public record ChatLinesAdded(long sessionId, String technician, List<ChatLine> lines) {}
