package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each ranking feature on a corpus built so that the expected order differs from the order the
 * query would give without the feature: either the listing could not match at all, or the id
 * tie-break or plain term counts would put another listing first.
 */
class RelevanceFeaturesTest {
  private SearchIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  private void index(IndexedListing... listings) {
    index = new SearchIndex();
    index.applyAll(List.of(listings));
    index.refresh();
  }

  private List<String> ids(String text) {
    return ids(index.search(query(text, null)));
  }

  private static List<String> ids(SearchHits hits) {
    return hits.hits().stream().map(SearchHits.Hit::id).toList();
  }

  @Test
  void idf_ranksTheRareWordAboveGenericOnes() {
    // Without IDF every word weighs the same, and three listings say "support group" in their
    // names twice as often as the LGBT one says "LGBT".
    index(
        listing("a", "Carers Support Group", "A support group for carers.", "Support group."),
        listing("b", "Parents Support Group", "A support group for parents.", "Support group."),
        listing("c", "Peer Support Group", "Peer support group.", "Support group."),
        listing("d", "LGBT Social Evening", "A friendly evening.", "Meet other people."));

    assertThat(ids("LGBT support group")).first().isEqualTo("d");
  }

  @Test
  void languages_matchByName_andRankListingsInThatLanguageFirst() {
    // Identical text: without language recognition the id tie-break puts "a" first.
    index(
        listing("a", "Money Advice Drop-in", "Help with bills.", "Advice on debt.", "en"),
        listing("z", "Money Advice Drop-in", "Help with bills.", "Advice on debt.", "en", "pl"));

    assertThat(ids("Polish speaking money advice")).containsExactly("z", "a");
    assertThat(ids("in Polish")).containsExactly("z");
  }

  @Test
  void audiences_rankListingsForThatAudienceFirst() {
    IndexedListing general = listing("a", "Community Lunch Club", "Hot lunch.", "Lunch.");
    IndexedListing older =
        listing("z", "Community Lunch Club", "Hot lunch.", "Lunch.")
            .withExtras(new IndexedListing.Extras(null, List.of(), "Over 60s", List.of(), null));
    index(general, older);

    assertThat(ids("lunch club for pensioners")).containsExactly("z", "a");
    assertThat(ids("lunch club")).containsExactly("a", "z");
  }

  @Test
  void britishAndAmericanSpellings_matchEachOther() {
    index(
        listing("us", "Neighborhood Counseling Program", "", "Color therapy center."),
        listing("uk", "Neighbourhood Mums Programme", "", "A colourful centre."));

    assertThat(ids("neighbourhood programme")).containsExactlyInAnyOrder("us", "uk");
    assertThat(ids("colour center")).containsExactlyInAnyOrder("us", "uk");
    assertThat(ids("moms")).containsExactly("uk");
  }

  @Test
  void keywords_fromASourceTaxonomy_areSearchable() {
    IndexedListing tagged =
        listing("k", "St Mary's Outreach", "Open Tuesdays.", "Drop in.")
            .withExtras(
                new IndexedListing.Extras(
                    null, List.of("Food Pantries", "Emergency Food"), null, List.of(), null));
    index(tagged, listing("a", "Walking Group", "Weekly walks.", "Walks."));

    assertThat(ids("food pantry")).containsExactly("k");
  }

  @Test
  void genericWords_weighLessThanTopicalOnes() {
    // "help" three times in the name and summary would win on term counts alone.
    index(
        listing("a", "Help Point", "Help and support for anyone who needs help.", "Help."),
        listing("z", "Money Matters", "Drop in on Mondays.", "Free debt advice."));

    assertThat(ids("help with debt")).first().isEqualTo("z");
  }

  @Test
  void semanticLeg_findsListingsWithoutSharedWords_andSaysWhy() {
    index(
        listing("tea", "Tea and Chat", "A cuppa and a natter.", "Drop in.").withExtras(vector(0)),
        listing("quiz", "Quiz Night", "Pub quiz.", "Teams of four.").withExtras(vector(1)));

    SearchHits hits = index.search(query("feeling isolated", unit(0)));

    assertThat(ids(hits)).containsExactly("tea");
    assertThat(hits.hits().get(0).why())
        .anyMatch(w -> w.startsWith("similar in meaning to \"feeling isolated\""))
        .noneMatch(w -> w.startsWith("matched"));
    assertThat(index.search(query("feeling isolated", null)).total()).isZero();
  }

  @Test
  void semanticLeg_honoursFilters() {
    index(
        listing("tea", "Tea and Chat", "A cuppa.", "Drop in.").withExtras(vector(0)),
        paid(listing("club", "Social Club", "Members only.", "Fees apply.").withExtras(vector(0))));

    SearchQuery freeOnly =
        query("feeling isolated", unit(0)).withFilters(SearchFilters.NONE.withFree(true));

    assertThat(ids(index.search(freeOnly))).containsExactly("tea");
  }

  @Test
  void fusion_ranksListingsBothLegsAgreeOnFirst() {
    // "yoga" matches both by words; only "b" is also nearest in meaning, so it wins the tie the id
    // order would otherwise give to "a".
    index(
        listing("a", "Yoga", "Stretch.", "Gentle.").withExtras(vector(1)),
        listing("b", "Yoga", "Stretch.", "Gentle.").withExtras(vector(0)));

    assertThat(ids(index.search(query("yoga", unit(0))))).containsExactly("b", "a");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "I feel on my own and cut off from people since my husband died",
        "my mum has dementia and I am worn out looking after her, I need a break",
        "feeling down and stressed out, is there someone to talk to",
        "help support services for someone",
        "on my own",
        "my my my"
      })
  void sentences_mixingSynonymPhrasesAndFiller_buildValidQueries(String sentence) {
    // Dropping filler words after multi-word synonym expansion once broke the token graph (an
    // assertion inside Lucene); filler is now left out when the query is built.
    index(
        listing(
            "a", "Befriending Service", "A friendly visitor for people living alone.", "Visits."),
        listing("b", "Carers Break", "Respite for carers.", "Time off for carers."));

    org.assertj.core.api.Assertions.assertThatCode(() -> index.search(query(sentence, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void cursors_areRefused_whenAlteredOrFromAnotherQuery() {
    List<IndexedListing> many = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      many.add(listing("w" + i, "Walking Group " + i, "Walks.", "Walks."));
    }
    index(many.toArray(IndexedListing[]::new));
    SearchQuery first =
        new SearchQuery(
            "walking",
            SearchFilters.NONE,
            null,
            null,
            SearchQuery.SortOrder.RELEVANCE,
            2,
            null,
            null);
    String cursor = index.search(first).nextCursor();
    assertThat(cursor).isNotNull();

    String altered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);
    assertThatThrownBy(() -> index.search(first.withCursor(altered)))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> index.search(first.withText("walks").withCursor(cursor)))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> index.search(first.withCursor("UgpsMQpkNQ")))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void cursors_fromAnotherEnvironmentWithTheSameKey_continueAfterTheSameSortValues() {
    List<IndexedListing> many = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      many.add(listing("w" + i, "Walking Group " + i, "Walks.", "Walks."));
    }
    index(many.toArray(IndexedListing[]::new));
    SearchQuery first =
        new SearchQuery(
            "walking",
            SearchFilters.NONE,
            null,
            null,
            SearchQuery.SortOrder.RELEVANCE,
            2,
            null,
            null);
    SearchHits page1 = index.search(first);
    try (SearchIndex other = new SearchIndex()) {
      other.applyAll(many);
      other.refresh();
      SearchHits page2 = other.search(first.withCursor(page1.nextCursor()));
      List<String> seen = new ArrayList<>(ids(page1));
      seen.addAll(ids(page2));
      assertThat(seen).doesNotHaveDuplicates().hasSize(4);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SearchQuery query(String text, byte[] vector) {
    return new SearchQuery(
        text,
        SearchFilters.NONE,
        null,
        null,
        SearchQuery.SortOrder.RELEVANCE,
        10,
        null,
        null,
        vector);
  }

  /** A unit vector along one axis of a small space, as signed bytes. */
  private static byte[] unit(int axis) {
    byte[] v = new byte[8];
    v[axis] = 127;
    return v;
  }

  private static IndexedListing.Extras vector(int axis) {
    return new IndexedListing.Extras(null, List.of(), null, List.of(), unit(axis));
  }

  private static IndexedListing paid(IndexedListing l) {
    return new IndexedListing(
        l.id(),
        l.version(),
        true,
        l.kind(),
        l.name(),
        l.summary(),
        l.description(),
        l.categories(),
        l.needs(),
        l.points(),
        l.delivery(),
        l.languages(),
        l.accessibility(),
        "paid",
        null,
        null,
        false,
        false,
        false,
        l.organisationId(),
        l.organisationName(),
        l.verifiedAt(),
        null,
        List.of(),
        null,
        false,
        null,
        null,
        List.of(),
        List.of(),
        l.extras());
  }

  static IndexedListing listing(
      String id, String name, String summary, String description, String... languages) {
    return new IndexedListing(
        id,
        1,
        true,
        "activity",
        name,
        summary,
        description,
        List.of(),
        List.of(),
        List.of(),
        List.of("in_person"),
        languages.length == 0 ? List.of("en") : List.of(languages),
        List.of(),
        "free",
        null,
        null,
        false,
        false,
        false,
        "org-" + id,
        "Org " + id,
        "2026-10-01",
        null,
        List.of());
  }
}
