package org.assist.domain.technician;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores roles by the lower-case names the security realm reads from the same column. */
@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {
  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.roleName();
  }

  @Override
  public Role convertToEntityAttribute(String name) {
    return name == null ? null : Role.fromRoleName(name);
  }
}
