package org.assist.application.script;

import java.time.Instant;
import org.assist.protocol.ScriptKind;

/** One version of a script as the versions page and the API show it: hashes, sizes, no bytes. */
public record VersionRow(
    long id,
    long scriptId,
    int number,
    String author,
    Instant created,
    String name,
    long categoryId,
    String category,
    String description,
    boolean published,
    ScriptKind kind,
    String executableName,
    String executableSha256,
    int executableSize,
    String inputName,
    String inputSha256,
    Integer inputSize,
    long executableFileId,
    Long inputFileId) {}
