package org.signpost.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.signpost.handlers.http.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Generates bad requests for every template route from the OpenAPI spec: the spec's parameters and
 * body schema give each route plausible values, and every case breaks one or more of them (huge,
 * null, wrong type, bad enum, unicode, deep nesting, long ids, odd headers). Routes the spec does
 * not describe (pages, HSDS) still get path, query, header and body mutations. Deterministic for a
 * seed. Immutable after construction.
 */
final class SpecFuzzer {
  /** One HTTP request to send, with what it breaks, for failure messages. */
  record Case(
      String method,
      String rawTarget,
      Map<String, String> headers,
      String body,
      String role,
      String breaks) {}

  /** A parameter from the spec: where it goes and its schema. */
  record Param(String name, String in, Map<String, Object> schema) {}

  /** What the spec says about one operation; empty for routes it does not describe. */
  record Operation(List<Param> params, Map<String, Object> body) {
    static final Operation UNDESCRIBED = new Operation(List.of(), null);
  }

  private static final List<String> ROLES = List.of("admin", "provider", "prescriber", "none");

  private final Map<String, Object> spec;
  private final Map<String, String> realIds;

  /**
   * @param openapi the spec file
   * @param realIds path parameter name to a real id, so some cases reach past the lookup
   */
  SpecFuzzer(Path openapi, Map<String, String> realIds) {
    try (Reader reader = Files.newBufferedReader(openapi, StandardCharsets.UTF_8)) {
      this.spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.realIds = Map.copyOf(realIds);
  }

  /** The spec's operation for a route key such as {@code GET /api/listings/{id}}. */
  @SuppressWarnings("unchecked")
  Operation operation(String method, String path) {
    Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
    Map<String, Object> item = (Map<String, Object>) paths.get(path);
    if (item == null) {
      return Operation.UNDESCRIBED;
    }
    Map<String, Object> op =
        (Map<String, Object>) item.get(method.toLowerCase(java.util.Locale.ROOT));
    if (op == null) {
      return Operation.UNDESCRIBED;
    }
    List<Param> params = new ArrayList<>();
    for (Object source :
        List.of(
            item.getOrDefault("parameters", List.of()), op.getOrDefault("parameters", List.of()))) {
      for (Object raw : (List<Object>) source) {
        Map<String, Object> p = (Map<String, Object>) resolve(raw, 0);
        params.add(
            new Param(
                (String) p.get("name"),
                (String) p.get("in"),
                (Map<String, Object>) resolve(p.getOrDefault("schema", Map.of()), 0)));
      }
    }
    Map<String, Object> body = null;
    Object requestBody = op.get("requestBody");
    if (requestBody != null) {
      Map<String, Object> content =
          (Map<String, Object>) ((Map<String, Object>) resolve(requestBody, 0)).get("content");
      Object json = content == null ? null : content.get("application/json");
      if (json != null) {
        body = (Map<String, Object>) resolve(((Map<String, Object>) json).get("schema"), 0);
      }
    }
    return new Operation(params, body);
  }

  /** Follows {@code $ref}s, fully, to a bounded depth (the spec has no cycles). */
  @SuppressWarnings("unchecked")
  private Object resolve(Object node, int depth) {
    if (depth > 12) {
      return node;
    }
    if (node instanceof Map<?, ?> map) {
      Object ref = map.get("$ref");
      if (ref instanceof String pointer && pointer.startsWith("#/")) {
        Object target = spec;
        for (String part : pointer.substring(2).split("/")) {
          target = ((Map<String, Object>) target).get(part);
        }
        return resolve(target, depth + 1);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, resolve(v, depth + 1)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolve(v, depth + 1)));
      return out;
    }
    return node;
  }

  /** {@code count} cases for one route, the same ones for the same seed. */
  List<Case> cases(SamTemplate.Route route, long seed, int count) {
    Operation op = operation(route.method(), route.path());
    Random random = new Random(seed ^ route.routeKey().hashCode());
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(one(route, op, random));
    }
    return out;
  }

  private Case one(SamTemplate.Route route, Operation op, Random random) {
    List<String> broken = new ArrayList<>();
    // Path: real ids most of the time when there is one, so handlers go past the lookup.
    StringBuilder path = new StringBuilder();
    for (String segment : route.path().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      path.append('/');
      if (segment.startsWith("{")) {
        String name = segment.replaceAll("[{}+]", "");
        String real = realIds.get(name);
        if (real != null && random.nextInt(3) > 0) {
          path.append(encode(real));
        } else {
          String id = pick(random, FuzzValues.BAD_IDS);
          broken.add("path " + name + "=" + clip(id));
          path.append(encode(id));
        }
      } else {
        path.append(segment);
      }
    }
    // Query: spec parameters mostly valid, some broken, plus stray ones.
    StringJoiner query = new StringJoiner("&");
    for (Param p : op.params()) {
      if (!p.in().equals("query") || random.nextInt(3) == 0) {
        continue;
      }
      String value = valid(p.schema(), random);
      if (random.nextInt(3) == 0) {
        value = pick(random, FuzzValues.BAD_SCALARS);
        broken.add("query " + p.name() + "=" + clip(value));
      }
      query.add(encode(p.name()) + "=" + encode(value));
    }
    switch (random.nextInt(8)) {
      case 0 -> {
        query.add("=x");
        broken.add("query with an empty name");
      }
      case 1 -> {
        String name = pick(random, FuzzValues.BAD_SCALARS);
        query.add(encode(name) + "=" + encode(pick(random, FuzzValues.BAD_SCALARS)));
        broken.add("query unknown " + clip(name));
      }
      case 2 -> {
        query.add("cursor=" + encode(pick(random, FuzzValues.BAD_CURSORS)));
        broken.add("cursor");
      }
      default -> {}
    }
    // Headers.
    Map<String, String> headers = new LinkedHashMap<>();
    for (Param p : op.params()) {
      if (p.in().equals("header") && random.nextInt(4) > 0) {
        headers.put(p.name(), pick(random, FuzzValues.BAD_IF_MATCH));
      }
    }
    if (random.nextInt(3) == 0) {
      headers.put("If-Match", pick(random, FuzzValues.BAD_IF_MATCH));
      broken.add("If-Match");
    }
    if (random.nextInt(5) == 0) {
      headers.put("Idempotency-Key", FuzzValues.headerSafe(pick(random, FuzzValues.BAD_SCALARS)));
      broken.add("Idempotency-Key");
    }
    if (random.nextInt(6) == 0) {
      headers.put("Accept-Language", pick(random, FuzzValues.BAD_HEADER_VALUES));
      broken.add("Accept-Language");
    }
    if (random.nextInt(8) == 0) {
      headers.put("Cookie", pick(random, FuzzValues.BAD_HEADER_VALUES));
      broken.add("Cookie");
    }
    String role = pick(random, ROLES);
    if (random.nextInt(10) == 0) {
      headers.put("Authorization", pick(random, FuzzValues.BAD_AUTHORIZATION));
      role = "none";
      broken.add("Authorization");
    }
    // Body.
    String body = null;
    if (route.method().equals("POST") || route.method().equals("PUT")) {
      if (route.path().startsWith("/portal") || route.path().startsWith("/refer")) {
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        body = form(random, broken);
      } else {
        headers.put("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json");
        body = json(op.body(), random, broken);
      }
    }
    String target = query.length() == 0 ? path.toString() : path + "?" + query;
    return new Case(route.method(), target, headers, body, role, String.join("; ", broken));
  }

  private String json(Map<String, Object> schema, Random random, List<String> broken) {
    switch (random.nextInt(12)) {
      case 0 -> {
        String raw = pick(random, FuzzValues.BAD_BODIES);
        broken.add("body " + clip(raw));
        return raw;
      }
      case 1 -> {
        broken.add("body nested 40 deep");
        return "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
      }
      default -> {}
    }
    Map<String, Object> object = new LinkedHashMap<>();
    if (schema != null) {
      Object value = validValue(schema, random, 0);
      if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> object.put((String) k, v));
      }
    }
    List<String> fields = new ArrayList<>(object.keySet());
    int breaks = 1 + random.nextInt(2);
    for (int i = 0; i < breaks; i++) {
      if (!fields.isEmpty() && random.nextInt(4) > 0) {
        String field = fields.get(random.nextInt(fields.size()));
        Object bad = FuzzValues.badValue(random);
        object.put(field, bad);
        broken.add("body " + field + "=" + clip(String.valueOf(bad)));
      } else {
        String field = pick(random, List.of("unknown_field", "", "__proto__", "id", "version"));
        object.put(field, FuzzValues.badValue(random));
        broken.add("body extra field " + field);
      }
    }
    return Json.write(object);
  }

  private static String form(Random random, List<String> broken) {
    StringJoiner form = new StringJoiner("&");
    for (String name :
        List.of(
            "name",
            "phone",
            "email",
            "postcode",
            "needs",
            "consent",
            "listing_id",
            "form_token",
            "status",
            "reason",
            "summary",
            "version",
            "_csrf")) {
      if (random.nextBoolean()) {
        String value = random.nextInt(3) == 0 ? pick(random, FuzzValues.BAD_SCALARS) : "x";
        form.add(name + "=" + encode(value));
      }
    }
    broken.add("form fields");
    return form.toString();
  }

  @SuppressWarnings("unchecked")
  private Object validValue(Map<String, Object> schema, Random random, int depth) {
    if (schema == null || depth > 6) {
      return "x";
    }
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      Object options = schema.get(combinator);
      if (options instanceof List<?> list && !list.isEmpty()) {
        return validValue((Map<String, Object>) list.get(0), random, depth + 1);
      }
    }
    Object enumeration = schema.get("enum");
    if (enumeration instanceof List<?> values && !values.isEmpty()) {
      return values.get(random.nextInt(values.size()));
    }
    Object type = schema.get("type");
    if (type instanceof List<?> types) {
      type = types.get(0);
    }
    if ("object".equals(type) || schema.containsKey("properties")) {
      Map<String, Object> out = new LinkedHashMap<>();
      Map<String, Object> properties =
          (Map<String, Object>) schema.getOrDefault("properties", Map.of());
      List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
      properties.forEach(
          (name, property) -> {
            if (required.contains(name) || random.nextBoolean()) {
              out.put(name, validValue((Map<String, Object>) property, random, depth + 1));
            }
          });
      return out;
    }
    if ("array".equals(type)) {
      return List.of(validValue((Map<String, Object>) schema.get("items"), random, depth + 1));
    }
    return valid(schema, random);
  }

  /** A plausible scalar for a parameter schema, as text. */
  @SuppressWarnings("unchecked")
  private static String valid(Map<String, Object> schema, Random random) {
    Object enumeration = schema.get("enum");
    if (enumeration == null && schema.get("items") instanceof Map<?, ?> items) {
      enumeration = ((Map<String, Object>) items).get("enum");
    }
    if (enumeration instanceof List<?> values && !values.isEmpty()) {
      return String.valueOf(values.get(random.nextInt(values.size())));
    }
    Object type = schema.get("type");
    if ("integer".equals(type)) {
      return Integer.toString(1 + random.nextInt(20));
    }
    if ("number".equals(type)) {
      return Double.toString(random.nextInt(50) + 0.5);
    }
    if ("boolean".equals(type)) {
      return Boolean.toString(random.nextBoolean());
    }
    String pattern = String.valueOf(schema.get("pattern"));
    if (pattern.contains(":")) {
      return "10:30";
    }
    if (pattern.contains("[a-z]{2}")) {
      return "en";
    }
    return pick(random, List.of("tea", "walking group", "B11 4AB", "en", "loneliness"));
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
  }
}
