package org.assist.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import org.assist.application.ForbiddenException;
import org.assist.application.NotFoundException;
import org.junit.jupiter.api.Test;

class RefusedPagesTest {
  @Test
  void refusalsWrappedByTheFacesLifecycleKeepTheirStatus() {
    assertEquals(
        404,
        RefusedPages.statusOf(
            new FacesException(new ELException(new NotFoundException("session.notFound")))));
    assertEquals(403, RefusedPages.statusOf(new FacesException(new ForbiddenException("x"))));
  }

  @Test
  void realFailuresAreNotRefusals() {
    assertNull(RefusedPages.statusOf(new FacesException(new IllegalStateException("bug"))));
  }
}
