package org.assist.agent;

/** What the agent tells the server about its computer when it joins and connects. */
record ComputerDescription(String computerName, String osName, String osUser) {}
