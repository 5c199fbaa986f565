/**
 * The agent on the customer's computer: it joins a session, keeps its connection to the server,
 * asks the customer before doing anything, and runs what the server asks in signed commands.
 */
package org.assist.agent;
