package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** The public search page through the pages handler, against dynalite: one path with the API. */
@ExtendWith(TestBackend.class)
class PublicPagesIT {
  private static PagesFunction pages;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    Wiring wiring =
        new Wiring(
            store.config(true),
            ReferralFixtures.settings(1000, null),
            new ReferralFixtures.MovableClock(Instant.now()));
    ReferralFixtures.listing(wiring, "org-public-pages", "Sparkhill Tea Club", "[\"self\"]");
    pages = new PagesFunction(wiring, wiring.newSearchService());
  }

  private static ApiResponse home(Map<String, List<String>> query) {
    return pages.handle(
        new ApiRequest(
            "GET /",
            "GET",
            "/",
            Map.of(),
            query,
            Map.of("host", "localhost"),
            "",
            Optional.empty(),
            "req",
            "198.51.100.20"));
  }

  private static Map<String, List<String>> query(String... pairs) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return query;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "everyone would be better off without me",
        "i've been saving up my tablets",
        "i don't want to be alive anymore"
      })
  void distressQuery_showsCrisisHelpBeforeResults(String words) {
    ApiResponse page = home(query("q", words, "near", "", "day", "", "lang", "en"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"crisis-lead\"", "tel:116123");
    assertThat(page.body().indexOf("crisis-heading"))
        .isLessThan(page.body().indexOf("results-heading"));
  }

  @Test
  void distressQuery_showsCrisisHelpInThePagesLanguage() {
    ApiResponse page = home(query("q", "i want to end it all", "lang", "ar"));

    assertThat(page.body()).contains("dir=\"rtl\"", "فاطلب المساعدة الآن", "tel:999");
  }

  @Test
  void distressTypedInThePagesOwnLanguage_showsCrisisHelpBeforeResults() {
    ApiResponse polish = home(query("q", "chce umrzec", "lang", "pl"));
    ApiResponse urdu = home(query("q", "میں مرنا چاہتا ہوں", "lang", "ur"));

    assertThat(polish.body()).contains("id=\"crisis-lead\"", "lang=\"pl\"");
    assertThat(polish.body().indexOf("crisis-heading"))
        .isLessThan(polish.body().indexOf("results-heading"));
    assertThat(urdu.body()).contains("id=\"crisis-lead\"", "dir=\"rtl\"");
  }

  @Test
  void distressFarIntoALongQuery_isStillSeen_becauseThePageKeepsTheApisLimit() {
    String words = "tea and a chat ".repeat(40) + "i want to die";
    assertThat(words.length()).isGreaterThan(200);

    assertThat(home(query("q", words)).body()).contains("id=\"crisis-lead\"");
  }

  @Test
  void ordinaryQuery_showsResultsFirst_withoutCrisisHelp() {
    ApiResponse page = home(query("q", "tea", "free", ""));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Sparkhill Tea Club").doesNotContain("crisis-lead");
    assertThat(page.body().indexOf("results-heading"))
        .isLessThan(page.body().indexOf("name=\"near\""));
  }

  @Test
  void near_acceptsLatLon_andOutwardCodes_likeTheApi() {
    ApiResponse byPoint = home(query("near", "52.46,-1.87"));
    ApiResponse byOutcode = home(query("near", "B11"));

    assertThat(byPoint.status()).isEqualTo(200);
    assertThat(byPoint.body()).contains("Sparkhill Tea Club", "km");
    assertThat(byOutcode.status()).isEqualTo(200);
    assertThat(byOutcode.body()).contains("Sparkhill Tea Club");
  }

  @Test
  void badInput_getsAClearMessageOnThePage_neverAServerError() {
    ApiResponse unknownPlace = home(query("near", "<script>alert(1)</script>".repeat(50)));
    ApiResponse badDay = home(query("day", "someday"));
    ApiResponse hugeWords = home(query("q", "x".repeat(50_000)));

    assertThat(unknownPlace.status()).isEqualTo(400);
    assertThat(unknownPlace.body())
        .contains("We do not know that postcode")
        .doesNotContain("<script>alert");
    assertThat(badDay.status()).isEqualTo(400);
    assertThat(badDay.body()).contains("We could not understand part of this search");
    assertThat(hugeWords.status()).isEqualTo(200);
  }
}
