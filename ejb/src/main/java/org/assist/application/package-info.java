/**
 * The application's services: thin EJBs that own transactions and security (every method says which
 * role may call it), one package per feature ({@code session}, {@code agent}, {@code run}, {@code
 * script}, {@code sysinfo}, {@code chat}, {@code technician}); here, what they share: the {@link
 * org.assist.application.Caller}, the refusals a user reads, roles, settings and the audit log.
 * Services hand pages and the API row records, never entities.
 */
package org.assist.application;
