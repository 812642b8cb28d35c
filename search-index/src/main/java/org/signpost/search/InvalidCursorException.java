package org.signpost.search;

/** Thrown when a pagination cursor cannot be decoded or does not fit the query. */
public final class InvalidCursorException extends RuntimeException {
  InvalidCursorException(String message) {
    super(message);
  }
}
