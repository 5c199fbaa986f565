package org.assist.domain.script;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * File contents in the database, shared by versions with the same SHA-256: never on a path made
 * from an uploaded name. Only downloads load this entity; listings read sizes and hashes through
 * projections, so they never carry the bytes.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false)
  private int size;

  @Column(nullable = false)
  private byte[] content;

  protected StoredFile() {}

  public StoredFile(String sha256, byte[] content) {
    this.sha256 = sha256;
    this.size = content.length;
    this.content = content;
  }

  public Long getId() {
    return id;
  }

  public String getSha256() {
    return sha256;
  }

  public int getSize() {
    return size;
  }

  public byte[] getContent() {
    return content;
  }
}
