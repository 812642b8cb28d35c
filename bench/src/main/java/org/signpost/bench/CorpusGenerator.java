package org.signpost.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.signpost.search.GeoPoint;
import org.signpost.search.IndexedListing;

/**
 * A seeded generator of realistic listings across English cities: names built from real activity
 * words and places, plain summaries and descriptions, vocabularies, schedules and verification
 * dates. The same seed gives the same corpus.
 */
final class CorpusGenerator {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  /** City centres the listings cluster around (a 15 km spread). */
  static final List<GeoPoint> CITIES =
      List.of(
          new GeoPoint(52.4862, -1.8904), new GeoPoint(53.4808, -2.2426),
          new GeoPoint(53.8008, -1.5491), new GeoPoint(51.4545, -2.5879),
          new GeoPoint(52.9548, -1.1581), new GeoPoint(51.5072, -0.1276),
          new GeoPoint(53.4084, -2.9916), new GeoPoint(54.9783, -1.6178));

  private static final String[] PLACES = {
    "Sparkhill",
    "Moseley",
    "Handsworth",
    "Aston",
    "Erdington",
    "Kings Heath",
    "Selly Oak",
    "Harborne",
    "Ladywood",
    "Small Heath",
    "Northfield",
    "Acocks Green",
    "Hulme",
    "Chorlton",
    "Headingley",
    "Easton",
    "Sneinton",
    "Brixton",
    "Toxteth",
    "Byker",
    "Riverside",
    "Parkside"
  };
  private static final String[][] ACTIVITIES = {
    {"English Conversation Cafe", "english_language"},
    {"ESOL Class", "english_language"},
    {"Walking Group", "walking"},
    {"Health Walk", "walking"},
    {"Knit and Natter", "arts_crafts"},
    {"Men's Shed", "arts_crafts"},
    {"Community Garden", "gardening_nature"},
    {"Allotment Club", "gardening_nature"},
    {"Chair Yoga", "sport_exercise"},
    {"Tai Chi", "sport_exercise"},
    {"Community Choir", "music_singing"},
    {"Lunch Club", "cooking_food"},
    {"Cookery Course", "cooking_food"},
    {"Digital Drop-in", "digital_skills"},
    {"Job Club", "employment_support"},
    {"Befriending Service", "befriending"},
    {"Carers Coffee Morning", "carers_support"},
    {"Bereavement Cafe", "bereavement_support"},
    {"Debt Advice", "money_advice"},
    {"Housing Surgery", "housing_advice"},
    {"Peer Support Group", "peer_support"},
    {"Wellbeing Cafe", "mental_health_support"},
    {"Book Club", "library_reading"},
    {"Parent and Toddler Group", "parents_families"},
    {"Tea Dance", "older_people"},
    {"Volunteer Taster Day", "volunteering"},
    {"Diabetes Support Group", "health_condition_support"}
  };
  private static final String[] SUMMARY_OPENINGS = {
    "A friendly, relaxed group where",
    "A welcoming weekly session where",
    "Drop in any week:",
    "A small, supportive group where",
    "Free to join:"
  };
  private static final String[] SUMMARY_ENDINGS = {
    "you can meet people and try something new.", "volunteers make everyone welcome.",
    "there is always tea and a chat afterwards.", "no experience is needed.",
    "you can come on your own or bring a friend."
  };
  private static final String[] NEEDS = {
    "loneliness",
    "low_mood_anxiety",
    "physical_activity",
    "long_term_condition",
    "weight",
    "carers",
    "bereavement",
    "money_debt",
    "housing",
    "employment_skills",
    "learning_english",
    "digital_skills",
    "new_to_uk",
    "confidence_wellbeing"
  };
  private static final String[] LANGUAGES = {"ur", "pa", "bn", "pl", "so", "ar", "ro", "gu"};
  private static final String[] ACCESS = {
    "step_free", "accessible_toilet", "hearing_loop", "bsl", "quiet", "carer_free"
  };
  private static final String[] COSTS = {
    "free", "free", "free", "small_charge", "pay_what_you_can", "paid"
  };

  private CorpusGenerator() {}

  static List<IndexedListing> generate(int count, long seed) {
    return generate(count, seed, 0);
  }

  /**
   * @param dimensions with more than zero, each listing carries a random unit vector of that many
   *     dimensions (int8), standing in for a sentence embedding of the model's size
   */
  static List<IndexedListing> generate(int count, long seed, int dimensions) {
    Random random = new Random(seed);
    Random vectors = new Random(seed + 1);
    List<IndexedListing> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      IndexedListing listing = listing(i, random);
      if (dimensions > 0) {
        listing =
            listing.withExtras(
                new IndexedListing.Extras(
                    null, List.of(), null, List.of(), randomVector(vectors, dimensions)));
      }
      out.add(listing);
    }
    return out;
  }

  /** A random direction, quantised to signed bytes as stored embeddings are. */
  static byte[] randomVector(Random random, int dimensions) {
    float[] v = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return org.signpost.core.embed.Embedding.quantise(v);
  }

  private static IndexedListing listing(int i, Random r) {
    String[] activity = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
    String place = PLACES[r.nextInt(PLACES.length)];
    String name = place + " " + activity[0];
    String summary =
        SUMMARY_OPENINGS[r.nextInt(SUMMARY_OPENINGS.length)]
            + " "
            + SUMMARY_ENDINGS[r.nextInt(SUMMARY_ENDINGS.length)];
    String description =
        "Run by volunteers in "
            + place
            + ". "
            + activity[0]
            + " for adults. "
            + summary
            + " Ask at reception if you need help finding us.";
    Set<String> needs = new LinkedHashSet<>();
    needs.add(NEEDS[r.nextInt(NEEDS.length)]);
    if (r.nextBoolean()) {
      needs.add(NEEDS[r.nextInt(NEEDS.length)]);
    }
    List<String> delivery =
        r.nextInt(10) < 8
            ? List.of("in_person")
            : r.nextBoolean() ? List.of("online") : List.of("phone", "in_person");
    List<GeoPoint> points = new ArrayList<>();
    if (delivery.contains("in_person")) {
      GeoPoint city = CITIES.get(r.nextInt(CITIES.size()));
      points.add(
          new GeoPoint(
              city.lat() + (r.nextDouble() - 0.5) * 0.27,
              city.lon() + (r.nextDouble() - 0.5) * 0.43));
    }
    List<String> languages = new ArrayList<>(List.of("en"));
    if (r.nextInt(4) == 0) {
      languages.add(LANGUAGES[r.nextInt(LANGUAGES.length)]);
    }
    List<String> access = new ArrayList<>();
    for (String feature : ACCESS) {
      if (r.nextInt(3) == 0) {
        access.add(feature);
      }
    }
    int day = 1 + r.nextInt(7);
    int start = (9 + r.nextInt(10)) * 60;
    String verified = TODAY.minusDays(r.nextInt(600)).toString();
    return new IndexedListing(
        String.format("lst-%06d", i),
        1,
        true,
        r.nextInt(20) == 0 ? "signpost" : "activity",
        name,
        summary,
        description,
        List.of(activity[1]),
        List.copyOf(needs),
        points,
        delivery,
        languages,
        access,
        COSTS[r.nextInt(COSTS.length)],
        r.nextInt(5) == 0 ? 18 : null,
        null,
        r.nextInt(30) == 0,
        false,
        false,
        "org-" + (i % 2000),
        place + " Community Trust",
        verified,
        TODAY.plusDays(r.nextInt(7)) + "T" + String.format("%02d:00", start / 60),
        List.of(new IndexedListing.WeeklySlot(day, start, start + 90)),
        List.copyOf(needs),
        false,
        null,
        null,
        List.of(),
        List.of());
  }
}
