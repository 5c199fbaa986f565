/**
 * The contract between the agent on the customer's computer and the server. Both sides depend on
 * this package and nothing else of each other, so a change here is a protocol change.
 */
package org.assist.protocol;
