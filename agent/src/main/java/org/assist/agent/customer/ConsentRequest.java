package org.assist.agent.customer;

/**
 * Something the technician wants to do that needs the customer's yes.
 *
 * @param kind the policy key, such as {@code system-info}
 * @param question what the customer reads
 */
public record ConsentRequest(String kind, String question) {}
