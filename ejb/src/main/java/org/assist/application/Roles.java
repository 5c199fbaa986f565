package org.assist.application;

/** Role names shared by {@code @RolesAllowed}, web.xml and the Elytron role mapper. */
public final class Roles {
  /** Every console account; administrators are mapped to it too. */
  public static final String TECHNICIAN = "technician";

  public static final String ADMIN = "admin";

  private Roles() {}
}
