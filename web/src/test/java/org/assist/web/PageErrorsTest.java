package org.assist.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.assist.application.ForbiddenException;
import org.assist.application.NotFoundException;
import org.junit.jupiter.api.Test;

class PageErrorsTest {
  @Test
  void refusalsWrappedByTheFacesLifecycleKeepTheirStatus() {
    assertEquals(
        404,
        PageErrors.statusOf(
            new FacesException(new ELException(new NotFoundException("session.notFound")))));
    assertEquals(403, PageErrors.statusOf(new FacesException(new ForbiddenException("x"))));
  }

  @Test
  void realFailuresAreNotRefusals() {
    assertNull(PageErrors.statusOf(new FacesException(new IllegalStateException("bug"))));
    assertFalse(PageErrors.isExpired(new FacesException(new IllegalStateException("bug"))));
  }

  @Test
  void aViewGoneIsFoundWhereverTheLifecycleWrappedIt() {
    assertTrue(
        PageErrors.isExpired(
            new FacesException(new ViewExpiredException("gone", "/dashboard.xhtml"))));
    assertNull(PageErrors.statusOf(new ViewExpiredException("gone", "/dashboard.xhtml")));
  }
}
