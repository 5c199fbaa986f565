package org.assist.it.floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the floor calls, in a table of its own (dropped when undeployed). */
@Entity
@Table(name = "floor_row")
public class FloorRow {
  @Id private String id;
  private boolean answered;

  protected FloorRow() {}

  FloorRow(String id) {
    this.id = id;
  }

  void answer() {
    answered = true;
  }
}
