package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptKindTest {
  private static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theShebangLineWins() {
    assertEquals(ScriptKind.SHELL, ScriptKind.of("fix.txt", text("#!/bin/sh\necho hi")));
    assertEquals(ScriptKind.SHELL, ScriptKind.of("fix", text("#!/usr/bin/env bash\n")));
    assertEquals(ScriptKind.PYTHON, ScriptKind.of("fix.sh", text("#!/usr/bin/env python3\n")));
    assertEquals(ScriptKind.POWERSHELL, ScriptKind.of("fix", text("#!/usr/bin/pwsh\n")));
    assertEquals(ScriptKind.SHEBANG, ScriptKind.of("fix", text("#!/usr/bin/perl -w\n")));
  }

  @Test
  void elseTheExtension() {
    assertEquals(ScriptKind.POWERSHELL, ScriptKind.of("Fix.PS1", text("Get-Date")));
    assertEquals(ScriptKind.BATCH, ScriptKind.of("fix.bat", text("@echo off")));
    assertEquals(ScriptKind.BATCH, ScriptKind.of("fix.cmd", text("@echo off")));
    assertEquals(ScriptKind.PYTHON, ScriptKind.of("fix.py", text("print(1)")));
    assertEquals(ScriptKind.SHELL, ScriptKind.of("fix.sh", text("echo hi")));
  }

  @Test
  void elseTheBinaryFormat() {
    assertEquals(ScriptKind.NATIVE, ScriptKind.of("tool", new byte[] {0x7f, 'E', 'L', 'F', 2}));
    assertEquals(ScriptKind.NATIVE, ScriptKind.of("tool.exe", new byte[] {'M', 'Z', 0, 0}));
    assertEquals(ScriptKind.UNKNOWN, ScriptKind.of("notes", text("hello")));
    assertEquals(ScriptKind.UNKNOWN, ScriptKind.of(null, new byte[0]));
  }
}
