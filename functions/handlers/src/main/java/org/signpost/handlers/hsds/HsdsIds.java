package org.signpost.handlers.hsds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stable UUIDs for every entity the HSDS API exports: a name-based UUID (version 5, RFC 9562) of
 * the entity's kind and internal id under one fixed namespace, so the same record always gets the
 * same id. An internal id that is already a UUID (a record imported from an HSDS feed) is its own
 * id, so export, import and export again keeps every id. Stateless.
 */
public final class HsdsIds {
  /** Signpost's namespace for HSDS ids; changing it would change every published id. */
  static final UUID NAMESPACE = UUID.fromString("5d7c3f0e-2b1a-4c8e-9f6d-0a4b8e1c7d25");

  private static final Pattern UUID_FORM =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private HsdsIds() {}

  /** Whether the text is a UUID in its usual 8-4-4-4-12 hex form. */
  public static boolean isUuid(String text) {
    return text != null && UUID_FORM.matcher(text).matches();
  }

  /** The exported id of a service (a listing). */
  public static String service(String listingId) {
    return of("service", listingId);
  }

  /** The exported id of an organisation. */
  public static String organization(String organisationId) {
    return of("organization", organisationId);
  }

  /** The exported id of a taxonomy. */
  public static String taxonomy(String taxonomyId) {
    return of("taxonomy", taxonomyId);
  }

  /** The exported id of a taxonomy term such as {@code need:loneliness}. */
  public static String term(String termId) {
    return of("term", termId);
  }

  /**
   * The id of a record that belongs to one exported service, such as its second location: derived
   * from the service's exported id so it survives a round trip.
   */
  public static String child(String serviceUuid, String kind, int index) {
    return v5(kind + ":" + serviceUuid + ":" + index);
  }

  /** The id of a record derived from another exported record, such as a location's address. */
  public static String child(String parentUuid, String kind) {
    return v5(kind + ":" + parentUuid);
  }

  private static String of(String kind, String internalId) {
    if (isUuid(internalId)) {
      return internalId.toLowerCase(Locale.ROOT);
    }
    return v5(kind + ":" + internalId);
  }

  static String v5(String name) {
    return v5(NAMESPACE, name);
  }

  /** The name-based UUID (version 5) of a name under a namespace. */
  public static String v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong()).toString();
  }
}
