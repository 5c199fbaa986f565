package org.assist.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the request being served comes from: the client's address, as the web layer worked it out
 * (behind a trusted proxy, the address the proxy names). Null outside an HTTP request.
 */
@RequestScoped
public class RequestOrigin {
  private String address;

  public String address() {
    return address;
  }

  public void address(String address) {
    this.address = address;
  }
}
