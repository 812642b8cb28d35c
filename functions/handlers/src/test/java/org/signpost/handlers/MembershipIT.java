package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.Role;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/**
 * Role and organisation come from the memberships table that admins keep, never from token
 * attributes a user could write: a provider whose token claims another organisation still acts only
 * for its own.
 */
@ExtendWith(TestBackend.class)
class MembershipIT {
  private static final String OWN = "org-membership-own";
  private static final String VICTIM = "org-membership-victim";
  private static Wiring wiring;
  private static HttpFunction listings;
  private static HttpFunction referrals;
  private static HttpFunction memberships;
  private static HttpFunction organisations;
  private static String victimListing;
  private static String victimReferral;

  /** Claims of a provider of OWN who rewrote custom:org (and groups) to point elsewhere. */
  private static final Map<String, String> FORGED =
      Map.of("sub", "forger", "cognito:groups", "[provider admin]", "custom:org", VICTIM);

  @BeforeAll
  static void wire(TestBackend.Store store) throws Exception {
    wiring =
        new Wiring(store.config(true), ReferralFixtures.settings(1000, null), Clock.systemUTC());
    listings = new ListingsFunction(wiring.listingService, wiring.identity);
    referrals = new ReferralsFunction(wiring);
    memberships = new MembershipsFunction(wiring.membershipService, wiring.organisationService);
    organisations = new OrganisationsFunction(wiring.organisationService, wiring.identity);
    ReferralFixtures.listing(wiring, OWN, "Own Club", "[\"self\",\"prescriber\"]");
    victimListing =
        ReferralFixtures.listing(wiring, VICTIM, "Victim Club", "[\"self\",\"prescriber\"]").id();
    Events.enrol(wiring.memberships, Events.admin(), Events.provider(VICTIM));
    wiring.memberships.put(new Membership("forger", Role.PROVIDER, Optional.of(OWN)));
    APIGatewayV2HTTPResponse submitted =
        send(
            referrals,
            "POST /api/referrals",
            "/api/referrals",
            Map.of(),
            ReferralsApiIT.selfBody(victimListing, "Ada", "07700 900111", "", "lonely"),
            null);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(201);
    victimReferral =
        wiring.referrals.all().stream()
            .filter(r -> r.organisationId().equals(VICTIM))
            .findFirst()
            .orElseThrow()
            .id();
  }

  @Test
  void providerWhoseTokenClaimsAnotherOrg_cannotEditItsListing_orReadItsReferrals()
      throws Exception {
    APIGatewayV2HTTPResponse edit =
        send(
            listings,
            "PUT /api/listings/{id}",
            "/api/listings/" + victimListing,
            Map.of("if-match", "\"1\""),
            ListingsApiIT.validBody("Taken Over"),
            FORGED);
    APIGatewayV2HTTPResponse archive =
        send(
            listings,
            "DELETE /api/listings/{id}",
            "/api/listings/" + victimListing,
            Map.of(),
            null,
            FORGED);
    APIGatewayV2HTTPResponse one =
        send(
            referrals,
            "GET /api/referrals/{id}",
            "/api/referrals/" + victimReferral,
            Map.of(),
            null,
            FORGED);
    APIGatewayV2HTTPResponse list =
        send(referrals, "GET /api/referrals", "/api/referrals", Map.of(), null, FORGED);
    APIGatewayV2HTTPResponse victimsOwnRead =
        send(
            referrals,
            "GET /api/referrals/{id}",
            "/api/referrals/" + victimReferral,
            Map.of(),
            null,
            Events.provider(VICTIM));

    assertThat(edit.getStatusCode()).isEqualTo(403);
    assertThat(archive.getStatusCode()).isEqualTo(403);
    assertThat(one.getStatusCode()).isEqualTo(404);
    assertThat(list.getStatusCode()).isEqualTo(200);
    assertThat(list.getBody()).doesNotContain(victimReferral, "Ada");
    assertThat(victimsOwnRead.getStatusCode()).isEqualTo(200);
    assertThat(wiring.listings.find(victimListing).orElseThrow().content().name())
        .isEqualTo("Victim Club");
  }

  @Test
  void tokenGroupsGrantNothing_onlyAnAdminMembershipOpensTheMembershipRoutes() throws Exception {
    APIGatewayV2HTTPResponse forged =
        send(
            memberships,
            "GET /api/admin/memberships",
            "/api/admin/memberships",
            Map.of(),
            null,
            FORGED);
    APIGatewayV2HTTPResponse admin =
        send(
            memberships,
            "GET /api/admin/memberships",
            "/api/admin/memberships",
            Map.of(),
            null,
            Events.admin());

    assertThat(forged.getStatusCode()).isEqualTo(403);
    assertThat(admin.getStatusCode()).isEqualTo(200);
    assertThat(admin.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(Json.MAPPER.readTree(admin.getBody()).get("memberships").toString())
        .contains("\"sub\":\"forger\"", "\"organisation_id\":\"" + OWN + "\"");
  }

  @Test
  void adminGrantsAndRevokes_andTheUserGainsAndLosesTheRoleOnTheNextRequest() throws Exception {
    Map<String, String> newcomer =
        Map.of("sub", "newcomer", "cognito:groups", "[provider]", "custom:org", OWN);
    assertThat(createListing(newcomer).getStatusCode()).isEqualTo(403);

    APIGatewayV2HTTPResponse granted =
        grant(
            "newcomer",
            "{\"role\":\"provider\",\"organisation_id\":\"" + OWN + "\"}",
            Events.admin());
    assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(200);
    assertThat(createListing(newcomer).getStatusCode()).isEqualTo(201);

    APIGatewayV2HTTPResponse revoked =
        send(
            memberships,
            "DELETE /api/admin/memberships/{sub}",
            "/api/admin/memberships/newcomer",
            Map.of(),
            null,
            Events.admin());
    assertThat(revoked.getStatusCode()).isEqualTo(204);
    assertThat(createListing(newcomer).getStatusCode()).isEqualTo(403);
  }

  @Test
  void badOrUnauthorisedGrants_areRefused_andWriteNothing() throws Exception {
    JsonNode noOrg =
        Json.MAPPER.readTree(grant("someone", "{\"role\":\"provider\"}", Events.admin()).getBody());
    APIGatewayV2HTTPResponse unknownOrg =
        grant(
            "someone",
            "{\"role\":\"provider\",\"organisation_id\":\"org-nowhere\"}",
            Events.admin());
    APIGatewayV2HTTPResponse badRole = grant("someone", "{\"role\":\"owner\"}", Events.admin());
    APIGatewayV2HTTPResponse notJson = grant("someone", "{role", Events.admin());
    APIGatewayV2HTTPResponse byProvider =
        grant("someone", "{\"role\":\"admin\"}", Events.provider(VICTIM));
    APIGatewayV2HTTPResponse byForger = grant("forger", "{\"role\":\"admin\"}", FORGED);
    APIGatewayV2HTTPResponse anonymous = grant("someone", "{\"role\":\"admin\"}", null);

    assertThat(noOrg.get("status").asInt()).isEqualTo(400);
    assertThat(noOrg.toString()).contains("organisation_id");
    assertThat(unknownOrg.getStatusCode()).isEqualTo(400);
    assertThat(badRole.getStatusCode()).isEqualTo(400);
    assertThat(notJson.getStatusCode()).isEqualTo(400);
    assertThat(byProvider.getStatusCode()).isEqualTo(403);
    assertThat(byForger.getStatusCode()).isEqualTo(403);
    assertThat(anonymous.getStatusCode()).isEqualTo(401);
    assertThat(wiring.memberships.find("someone")).isEmpty();
    assertThat(wiring.memberships.find("forger").orElseThrow().role()).isEqualTo(Role.PROVIDER);
  }

  @Test
  void communityGroupSignsUp_andBecomesItsProvider_whenAnAdminApproves() throws Exception {
    Map<String, String> group = Map.of("sub", "knitters", "cognito:groups", "[]");
    APIGatewayV2HTTPResponse asked =
        send(
            organisations,
            "POST /api/organisations",
            "/api/organisations",
            Map.of(),
            "{\"name\":\"Kings Heath Knitters\"}",
            group);
    assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(201);
    String org = Json.MAPPER.readTree(asked.getBody()).get("id").asText();
    assertThat(wiring.memberships.find("knitters")).isEmpty();

    APIGatewayV2HTTPResponse approved =
        send(
            organisations,
            "PUT /api/organisations/{id}/review",
            "/api/organisations/" + org + "/review",
            Map.of("if-match", "\"1\""),
            "{\"status\":\"approved\",\"trusted\":false}",
            Events.admin());

    assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(200);
    assertThat(wiring.memberships.find("knitters"))
        .contains(new Membership("knitters", Role.PROVIDER, Optional.of(org)));
  }

  @Test
  void organisationSignUps_areLimitedPerUserAndDay_andTheRefusedOneWritesNothing() {
    Map<String, String> eager = Map.of("sub", "eager-signer", "cognito:groups", "[]");
    for (int i = 1; i <= 3; i++) {
      APIGatewayV2HTTPResponse ok =
          send(
              organisations,
              "POST /api/organisations",
              "/api/organisations",
              Map.of(),
              "{\"name\":\"Eager Group " + i + "\"}",
              eager);
      assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(201);
    }
    int before = wiring.organisations.all().size();

    APIGatewayV2HTTPResponse fourth =
        send(
            organisations,
            "POST /api/organisations",
            "/api/organisations",
            Map.of(),
            "{\"name\":\"Eager Group 4\"}",
            eager);

    assertThat(fourth.getStatusCode()).isEqualTo(429);
    assertThat(wiring.organisations.all()).hasSize(before);
  }

  private static APIGatewayV2HTTPResponse grant(
      String sub, String body, Map<String, String> claims) {
    return send(
        memberships,
        "PUT /api/admin/memberships/{sub}",
        "/api/admin/memberships/" + sub,
        Map.of("sub", sub),
        Map.of(),
        body,
        claims);
  }

  private static APIGatewayV2HTTPResponse createListing(Map<String, String> claims)
      throws Exception {
    var body =
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree(ListingsApiIT.validBody("Newcomer Walk")))
            .put("organisation_id", OWN);
    return send(
        listings, "POST /api/listings", "/api/listings", Map.of(), Json.write(body), claims);
  }

  private static APIGatewayV2HTTPResponse send(
      HttpFunction function,
      String routeKey,
      String path,
      Map<String, String> headers,
      String body,
      Map<String, String> claims) {
    Map<String, String> params = new HashMap<>();
    String[] template = routeKey.substring(routeKey.indexOf(' ') + 1).split("/");
    String[] actual = path.split("/");
    for (int i = 0; i < template.length && i < actual.length; i++) {
      if (template[i].startsWith("{")) {
        params.put(template[i].substring(1, template[i].length() - 1), actual[i]);
      }
    }
    return send(function, routeKey, path, params, headers, body, claims);
  }

  private static APIGatewayV2HTTPResponse send(
      HttpFunction function,
      String routeKey,
      String path,
      Map<String, String> params,
      Map<String, String> headers,
      String body,
      Map<String, String> claims) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("content-type", "application/json");
    return function.handleRequest(
        Events.request(routeKey, path, params, "", all, body, claims), null);
  }
}
