package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Reads a cost type from the free text other directories keep ("None", "Sliding scale", "$5 per
 * visit"). The rules are deliberately few and literal; anything else is recorded as paid, with the
 * source text kept as the cost description so nothing is lost. Stateless.
 */
final class Costs {
  private Costs() {}

  static String classify(String text, JsonNode amount, List<String> warnings) {
    if (amount != null && amount.isNumber()) {
      return amount.asDouble() == 0 ? "free" : "paid";
    }
    if (text == null) {
      warnings.add("cost: the source does not say; recorded as free (the model default)");
      return "free";
    }
    String t = text.toLowerCase(Locale.ROOT);
    if (t.matches(".*\\b(sliding|donation|pay what|income.based|based on income).*")) {
      return "pay_what_you_can";
    }
    if (t.matches("^(none|free|no fees?|no charge|n/?a|\\$?0(\\.00)?)\\b.*")
        || t.matches(".*\\b(free of charge|no cost|no fee|no charge)\\b.*")) {
      return "free";
    }
    if (t.matches(".*(\\$|£|€)\\s?\\d+(\\.\\d+)?.*") && t.matches(".*\\b(small|nominal)\\b.*")) {
      return "small_charge";
    }
    return "paid";
  }
}
