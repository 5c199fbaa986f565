package org.assist.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import org.assist.application.NotFoundException;

/**
 * An id in a page's address ({@code ?id=42}): anything that is not one leads nowhere, like an
 * unknown id (the not-found page, see {@link PageErrors}), instead of a page without its subject.
 */
@FacesConverter("assist.id")
public class IdConverter implements Converter<Long> {
  @Override
  public Long getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundException("error.notFound.text");
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Long value) {
    return value == null ? "" : value.toString();
  }
}
