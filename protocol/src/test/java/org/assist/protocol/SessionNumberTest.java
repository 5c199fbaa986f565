package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionNumberTest {

  @Test
  void randomNumbersHaveNineDigitsAndVary() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String digits = SessionNumber.random().digits();
      assertTrue(digits.matches("[1-9][0-9]{8}"), digits);
      seen.add(digits);
    }
    assertTrue(seen.size() > 990, "random numbers repeat too often: " + seen.size());
  }

  @Test
  void displaysInGroupsOfThree() {
    assertEquals("123 456 789", SessionNumber.parse("123456789").orElseThrow().display());
  }

  @Test
  void parsesWhatCustomersType() {
    assertEquals("123456789", SessionNumber.parse(" 123 456 789 ").orElseThrow().digits());
    assertEquals("123456789", SessionNumber.parse("123-456-789").orElseThrow().digits());
  }

  @Test
  void rejectsAnythingElse() {
    assertTrue(SessionNumber.parse(null).isEmpty());
    assertTrue(SessionNumber.parse("").isEmpty());
    assertTrue(SessionNumber.parse("12345678").isEmpty());
    assertTrue(SessionNumber.parse("1234567890").isEmpty());
    assertTrue(SessionNumber.parse("12345678x").isEmpty());
    assertTrue(SessionNumber.parse("١٢٣٤٥٦٧٨٩").isEmpty());
  }

  @Test
  void displayOfStoredDigitsLeavesOtherTextAlone() {
    assertEquals("987 654 321", SessionNumber.display("987654321"));
    assertEquals("n/a", SessionNumber.display("n/a"));
  }
}
