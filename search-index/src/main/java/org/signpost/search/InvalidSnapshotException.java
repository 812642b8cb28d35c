package org.signpost.search;

/** A snapshot that is damaged, truncated or not a Signpost index; the caller falls back. */
public final class InvalidSnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSnapshotException(String message) {
    super(message);
  }
}
