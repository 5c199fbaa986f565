package org.assist.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance the REST API reads and writes its bodies with. Without one, RESTEasy
 * builds a new instance for every body it reads or writes: it looks the JSON-B and JSON-P providers
 * up through the service loader (a search of the server's modules) and studies the body's class
 * again, a tenth of the server's CPU on a busy API.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {
  static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSON;
  }
}
