package org.signpost.core.errors;

/** One invalid field: a JSON-pointer-like path and a message a person can act on. */
public record FieldError(String field, String message) {
  public FieldError {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must be named");
    }
  }
}
