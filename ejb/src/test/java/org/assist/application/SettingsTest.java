package org.assist.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final String NAME = "ASSIST_SETTINGS_TEST_NUMBER";
  private static final String PROPERTY = "assist.settings.test.number";

  private final List<String> warnings = new ArrayList<>();
  private final Logger log = Logger.getLogger(Settings.class.getName());
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          warnings.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @AfterEach
  void clear() {
    System.clearProperty(PROPERTY);
    log.removeHandler(handler);
  }

  @Test
  void aWrongValueFallsBackAndIsSaidOncePerValue() {
    log.addHandler(handler);
    System.setProperty(PROPERTY, "abc");
    assertEquals(7, Settings.number(NAME, 7));
    assertEquals(7, Settings.number(NAME, 7));
    assertEquals(List.of(NAME + "=abc is not a positive number; using 7"), warnings);
    System.setProperty(PROPERTY, "-3");
    assertEquals(7, Settings.number(NAME, 7));
    assertEquals(7, Settings.number(NAME, 7));
    assertEquals(2, warnings.size(), warnings.toString());
    System.setProperty(PROPERTY, "12");
    assertEquals(12, Settings.number(NAME, 7));
    assertEquals(2, warnings.size(), warnings.toString());
  }
}
