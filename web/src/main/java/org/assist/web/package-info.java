/**
 * The technicians' console (PrimeFaces views, one per page, in one package per feature), the
 * console's live updates, and the REST API for help-desk integrations and for agents joining. Views
 * and resources only translate between HTTP and the application services, and hold the rows the
 * services return.
 */
package org.assist.web;
