/**
 * The application's services: thin EJBs that own transactions and security (every method says which
 * role may call it) and record what administrators must be able to audit.
 */
package org.assist.application;
