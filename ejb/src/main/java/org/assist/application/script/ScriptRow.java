package org.assist.application.script;

import java.time.Instant;
import org.assist.protocol.ScriptKind;

/** One line of the script library: the current version of a script, without its files' bytes. */
public record ScriptRow(
    long id,
    long versionId,
    int version,
    String name,
    String category,
    String description,
    String author,
    String authorName,
    boolean published,
    Instant modified,
    long size,
    ScriptKind kind) {}
