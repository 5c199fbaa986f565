/**
 * Technical plumbing the application stands on: schema migration, password hashing, messaging.
 * Services use it; it never calls services.
 */
package org.assist.infrastructure;
