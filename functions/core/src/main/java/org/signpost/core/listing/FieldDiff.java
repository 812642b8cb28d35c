package org.signpost.core.listing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field-by-field differences between two versions of a listing's content, named the way the API
 * names fields (for example {@code schedule.weekly[0].start}). Stateless.
 */
public final class FieldDiff {
  private FieldDiff() {}

  /** One changed field; null means absent on that side. */
  public record Change(String field, String before, String after) {
    public Change {
      Objects.requireNonNull(field, "field");
    }
  }

  /** Changes from {@code before} to {@code after}; a null side counts as empty. */
  public static List<Change> between(ListingContent before, ListingContent after) {
    Map<String, String> left = before == null ? Map.of() : flatten(before);
    Map<String, String> right = after == null ? Map.of() : flatten(after);
    Set<String> fields = new LinkedHashSet<>(left.keySet());
    fields.addAll(right.keySet());
    List<Change> changes = new ArrayList<>();
    for (String field : fields) {
      String a = left.get(field);
      String b = right.get(field);
      if (!Objects.equals(a, b)) {
        changes.add(new Change(field, a, b));
      }
    }
    return List.copyOf(changes);
  }

  /** Leaf values of a record tree by API path; nulls and empty lists are left out. */
  public static Map<String, String> flatten(Record value) {
    Map<String, String> out = new LinkedHashMap<>();
    walk("", value, out);
    return out;
  }

  private static void walk(String path, Object value, Map<String, String> out) {
    switch (value) {
      case null -> {}
      case Record record -> {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
          String name = apiName(component.getName());
          walk(path.isEmpty() ? name : path + "." + name, read(component, record), out);
        }
      }
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          walk(path + "[" + i + "]", list.get(i), out);
        }
      }
      default -> out.put(path, String.valueOf(value));
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  /** camelCase to the API's snake_case; {@code open247} is the one irregular name. */
  static String apiName(String component) {
    if (component.equals("open247")) {
      return "open_24_7";
    }
    StringBuilder out = new StringBuilder();
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
