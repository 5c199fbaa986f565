package org.assist.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API for help-desk integrations, under {@code /assist/api/v1}. */
@ApplicationPath("/api")
public class ApiApplication extends Application {}
