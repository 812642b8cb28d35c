package org.signpost.core.errors;

import java.util.List;

/**
 * The one family of errors that core throws. Each is one kind of failure with a stable problem
 * type; the handlers' problem mapper alone decides its HTTP status, and anything else that escapes
 * is a bug and becomes a 500.
 */
public abstract sealed class SignpostException extends RuntimeException {

  private SignpostException(String message) {
    super(message, null, false, false);
  }

  /** Short, stable problem title. */
  public abstract String title();

  /** Problem type slug, appended to the problem base URI. */
  public abstract String type();

  /** Field-level errors; empty unless the input was invalid. */
  public List<FieldError> errors() {
    return List.of();
  }

  /** The input is invalid; every bad field is named. */
  public static final class Invalid extends SignpostException {
    private final List<FieldError> errors;

    public Invalid(String message, List<FieldError> errors) {
      super(message);
      this.errors = List.copyOf(errors);
    }

    public static Invalid of(String field, String message) {
      return new Invalid(message, List.of(new FieldError(field, message)));
    }

    @Override
    public List<FieldError> errors() {
      return errors;
    }

    @Override
    public String title() {
      return "Invalid request";
    }

    @Override
    public String type() {
      return "invalid-request";
    }
  }

  /** Nothing exists at this address (or the caller may not know it exists). */
  public static final class NotFound extends SignpostException {
    public NotFound(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Not found";
    }

    @Override
    public String type() {
      return "not-found";
    }
  }

  /** No valid credentials were presented. */
  public static final class Unauthenticated extends SignpostException {
    public Unauthenticated(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Sign-in required";
    }

    @Override
    public String type() {
      return "unauthenticated";
    }
  }

  /** The caller is known but may not do this. */
  public static final class Forbidden extends SignpostException {
    public Forbidden(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Forbidden";
    }

    @Override
    public String type() {
      return "forbidden";
    }
  }

  /** The request conflicts with the current state, for example an id that already exists. */
  public static final class Conflict extends SignpostException {
    public Conflict(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Conflict";
    }

    @Override
    public String type() {
      return "conflict";
    }
  }

  /** The If-Match version is stale: someone else changed the resource first. */
  public static final class PreconditionFailed extends SignpostException {
    public PreconditionFailed(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Version is out of date";
    }

    @Override
    public String type() {
      return "stale-version";
    }
  }

  /** An update arrived without If-Match, so it could silently overwrite another edit. */
  public static final class PreconditionRequired extends SignpostException {
    public PreconditionRequired(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "If-Match required";
    }

    @Override
    public String type() {
      return "if-match-required";
    }
  }

  /** Too many requests from one client in a short time. */
  public static final class TooManyRequests extends SignpostException {
    public TooManyRequests(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Too many requests";
    }

    @Override
    public String type() {
      return "rate-limited";
    }
  }

  /** A dependency is down or not ready; the client may retry. */
  public static final class Unavailable extends SignpostException {
    public Unavailable(String message) {
      super(message);
    }

    @Override
    public String title() {
      return "Temporarily unavailable";
    }

    @Override
    public String type() {
      return "unavailable";
    }
  }
}
