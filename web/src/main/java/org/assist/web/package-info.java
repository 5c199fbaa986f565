/**
 * The technicians' console (PrimeFaces views, one per page) and the REST API for help-desk
 * integrations. Views and resources only translate between HTTP and the application services.
 */
package org.assist.web;
