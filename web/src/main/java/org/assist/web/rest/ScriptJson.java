package org.assist.web.rest;

import java.time.Instant;
import java.util.List;
import org.assist.application.script.ScriptRow;
import org.assist.application.script.VersionRow;

/** A script as the REST API shows it; {@code versions} only when one script is asked for. */
public record ScriptJson(
    long id,
    String name,
    String category,
    String description,
    String author,
    boolean published,
    Instant modified,
    long size,
    int version,
    String kind,
    List<VersionJson> versions) {

  /**
   * One version: its files' names, sizes and SHA-256.
   *
   * @param executable download path of the executable, relative to {@code /api/v1}
   */
  public record VersionJson(
      int number,
      String author,
      Instant created,
      String executableName,
      String executableSha256,
      int executableSize,
      String executable,
      String inputName,
      String inputSha256,
      Integer inputSize,
      String input) {

    static VersionJson of(VersionRow v) {
      String files = "/scripts/" + v.scriptId() + "/versions/" + v.number() + "/";
      return new VersionJson(
          v.number(),
          v.author(),
          v.created(),
          v.executableName(),
          v.executableSha256(),
          v.executableSize(),
          files + "executable",
          v.inputName(),
          v.inputSha256(),
          v.inputSize(),
          v.inputName() == null ? null : files + "input");
    }
  }

  static ScriptJson of(ScriptRow row, List<VersionRow> versions) {
    return new ScriptJson(
        row.id(),
        row.name(),
        row.category(),
        row.description(),
        row.author(),
        row.published(),
        row.modified(),
        row.size(),
        row.version(),
        row.kind().name(),
        versions == null ? null : versions.stream().map(VersionJson::of).toList());
  }
}
