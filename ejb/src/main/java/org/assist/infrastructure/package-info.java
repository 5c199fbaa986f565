/**
 * Technical plumbing the application stands on: schema migration, password hashing, messaging.
 * Services use it; its message-driven beans and broker listeners are how messages enter the
 * application: they decode what arrives and hand it to a service, nothing more.
 */
package org.assist.infrastructure;
