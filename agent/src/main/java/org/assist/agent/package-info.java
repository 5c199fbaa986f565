/**
 * The agent on the customer's computer: it joins a session, keeps its connection to the server
 * ({@code messaging}), asks the customer before doing anything ({@code customer}), and runs what
 * the server asks in signed commands ({@code scripts}, {@code sysinfo}).
 */
package org.assist.agent;
