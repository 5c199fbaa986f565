package org.assist.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossSiteFilterTest {
  @Test
  void aPageOfThisServerIsOfTheSameOrigin() {
    assertTrue(CrossSiteFilter.sameAuthority("https://help.example.com", "help.example.com"));
    assertTrue(CrossSiteFilter.sameAuthority("https://help.example.com:443", "help.example.com"));
    assertTrue(CrossSiteFilter.sameAuthority("http://localhost:8180", "localhost:8180"));
    assertTrue(CrossSiteFilter.sameAuthority("https://[::1]:8543", "[::1]:8543"));
  }

  @Test
  void anotherSiteOrPortIsNot() {
    assertFalse(CrossSiteFilter.sameAuthority("https://evil.example", "help.example.com"));
    assertFalse(CrossSiteFilter.sameAuthority("http://localhost:8080", "localhost:8180"));
    assertFalse(CrossSiteFilter.sameAuthority("null", "localhost:8180"));
    assertFalse(CrossSiteFilter.sameAuthority("https://help.example.com.evil", "help.example.com"));
  }
}
