package org.assist.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SessionState;
import org.junit.jupiter.api.Test;

/** The console says everything in English and in French, and every text it asks for exists. */
class MessagesTest {
  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/org/assist/web/" + name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void englishAndFrenchHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties english = bundle("messages.properties");
    Properties french = bundle("messages_fr.properties");
    assertEquals(
        new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()));
    for (Properties texts : new Properties[] {english, french}) {
      texts.forEach(
          (key, value) -> assertTrue(!value.toString().isBlank(), "empty text for " + key));
    }
  }

  @Test
  void noKeyIsWrittenTwice() throws IOException {
    for (String name : new String[] {"messages.properties", "messages_fr.properties"}) {
      Set<String> seen = new java.util.HashSet<>();
      try (InputStream in = MessagesTest.class.getResourceAsStream("/org/assist/web/" + name)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          int equals = line.indexOf('=');
          if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
            String key = line.substring(0, equals).strip();
            assertTrue(seen.add(key), name + " defines " + key + " twice: the last one wins");
          }
        }
      }
    }
  }

  @Test
  void everyKeyThePagesAndServicesUseExists() throws IOException {
    Properties english = bundle("messages.properties");
    Set<String> used = new TreeSet<>();
    collect(
        Path.of("src/main/webapp"), ".xhtml", Pattern.compile("msg\\['([A-Za-z0-9.]+)'\\]"), used);
    collect(
        Path.of("src/main/java"),
        ".java",
        Pattern.compile(
            "Notices\\.(?:info\\(|error\\(\\s*\"[^\"]*\",)\\s*\"([a-z][A-Za-z0-9.]+)\""),
        used);
    collect(
        Path.of("../ejb/src/main/java"),
        ".java",
        Pattern.compile("new \\w+Exception\\(\\s*\"([a-z][A-Za-z0-9.]+)\""),
        used);
    Arrays.stream(SessionState.values()).forEach(s -> used.add("session.state." + s));
    Arrays.stream(EventKind.values()).forEach(k -> used.add("report." + k));
    Arrays.stream(CommandStatus.values()).forEach(s -> used.add("sysinfo.status." + s));
    for (String role : new String[] {"technician", "admin"}) {
      used.add("role." + role);
    }
    used.removeIf(key -> key.endsWith("."));
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(english.stringPropertyNames());
    assertTrue(missing.isEmpty(), "texts missing: " + missing);
  }

  private static void collect(Path root, String suffix, Pattern pattern, Set<String> keys)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(suffix))::iterator) {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
          keys.add(matcher.group(1));
        }
      }
    }
  }
}
