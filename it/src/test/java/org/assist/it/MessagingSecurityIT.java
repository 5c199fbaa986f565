package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built server's messaging permissions are Assist's, not WildFly's defaults. */
class MessagingSecurityIT {

  @Test
  void guestMayNoLongerSendAndConsumeEverywhere() throws Exception {
    String config =
        Files.readString(
            Path.of(
                System.getProperty("assist.server.dir"),
                "standalone/configuration/standalone-full.xml"));
    Matcher all =
        Pattern.compile(
                "<security-setting name=\"#\"(/>|>(.*?)</security-setting>)", Pattern.DOTALL)
            .matcher(config);
    assertTrue(all.find(), "the catch-all security setting exists");
    assertFalse(all.group(1).contains("name=\"guest\""), all.group(1));
  }
}
