package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/**
 * Every listing, moderation and organisation route against every kind of caller: anonymous, a
 * provider of the owning organisation, a provider of another, a prescriber and an admin.
 */
@ExtendWith(TestBackend.class)
class AuthorizationMatrixIT {
  private static final String OWNER = "org-matrix-owner";
  private static final String OTHER = "org-matrix-other";
  private static final List<String> CALLERS =
      List.of("anonymous", "same-org provider", "other-org provider", "prescriber", "admin");
  private static Wiring wiring;
  private static Map<String, HttpFunction> functions;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    wiring = new Wiring(store.config(false), Clock.systemUTC());
    Caller admin = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
    for (String org : List.of(OWNER, OTHER)) {
      wiring.organisationService.upsert(
          admin, new Organisation(org, org, null, Organisation.APPROVED, true, 0));
    }
    functions =
        Map.of(
            "listings",
            new ListingsFunction(wiring.listingService, wiring.identity),
            "moderation",
            new ModerationFunction(wiring.moderationService, wiring.identity),
            "organisations",
            new OrganisationsFunction(wiring.organisationService, wiring.identity));
    Events.enrol(
        wiring.memberships, Events.provider(OWNER), Events.provider(OTHER), Events.admin());
  }

  /** One route: how to prepare a target, then the status each caller must get, in CALLERS order. */
  private record Case(
      String function,
      String routeKey,
      Function<String, String> path,
      String setup,
      Map<String, String> headers,
      String body,
      String query,
      List<Integer> expected) {}

  @Test
  void everyRoute_answersEachCallerAsExpected() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode withOrg =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.MAPPER.readTree(ListingsApiIT.validBody("Matrix Walk"));
    String create = Json.write(withOrg.put("organisation_id", OWNER));
    List<Case> cases =
        List.of(
            new Case(
                "listings",
                "POST /api/listings",
                id -> "/api/listings",
                "none",
                Map.of(),
                create,
                "",
                List.of(401, 201, 403, 403, 201)),
            new Case(
                "listings",
                "GET /api/listings/{id}",
                id -> "/api/listings/" + id,
                "published",
                Map.of(),
                null,
                "",
                List.of(200, 200, 200, 200, 200)),
            new Case(
                "listings",
                "GET /api/listings/{id}",
                id -> "/api/listings/" + id,
                "draft",
                Map.of(),
                null,
                "",
                List.of(404, 200, 404, 404, 200)),
            new Case(
                "listings",
                "PUT /api/listings/{id}",
                id -> "/api/listings/" + id,
                "published",
                Map.of("if-match", "\"1\""),
                ListingsApiIT.validBody("Matrix Walk Renamed"),
                "",
                List.of(401, 200, 403, 403, 200)),
            new Case(
                "listings",
                "DELETE /api/listings/{id}",
                id -> "/api/listings/" + id,
                "published",
                Map.of(),
                null,
                "",
                List.of(401, 200, 403, 403, 200)),
            new Case(
                "listings",
                "POST /api/listings/{id}/submit",
                id -> "/api/listings/" + id + "/submit",
                "draft",
                Map.of("if-match", "\"1\""),
                null,
                "",
                List.of(401, 200, 403, 403, 200)),
            new Case(
                "listings",
                "POST /api/listings/{id}/verify",
                id -> "/api/listings/" + id + "/verify",
                "published",
                Map.of(),
                null,
                "",
                List.of(401, 200, 403, 403, 200)),
            new Case(
                "listings",
                "GET /api/listings/{id}/history",
                id -> "/api/listings/" + id + "/history",
                "published",
                Map.of(),
                null,
                "",
                List.of(401, 200, 403, 403, 200)),
            new Case(
                "listings",
                "GET /api/my/listings",
                id -> "/api/my/listings",
                "none",
                Map.of(),
                null,
                "organisation_id=" + OWNER,
                List.of(401, 200, 403, 403, 200)),
            new Case(
                "listings",
                "GET /api/openapi.yaml",
                id -> "/api/openapi.yaml",
                "none",
                Map.of(),
                null,
                "",
                List.of(200, 200, 200, 200, 200)),
            new Case(
                "moderation",
                "GET /api/moderation/queue",
                id -> "/api/moderation/queue",
                "none",
                Map.of(),
                null,
                "",
                List.of(401, 403, 403, 403, 200)),
            new Case(
                "moderation",
                "POST /api/listings/{id}/approve",
                id -> "/api/listings/" + id + "/approve",
                "submitted",
                Map.of("if-match", "\"2\""),
                null,
                "",
                List.of(401, 403, 403, 403, 200)),
            new Case(
                "moderation",
                "POST /api/listings/{id}/reject",
                id -> "/api/listings/" + id + "/reject",
                "submitted",
                Map.of("if-match", "\"2\""),
                "{\"reason\":\"Needs a clearer summary\"}",
                "",
                List.of(401, 403, 403, 403, 200)),
            new Case(
                "organisations",
                "POST /api/organisations",
                id -> "/api/organisations",
                "none",
                Map.of(),
                "{\"name\":\"Matrix Gardeners\"}",
                "",
                List.of(401, 409, 409, 201, 201)),
            new Case(
                "organisations",
                "GET /api/organisations",
                id -> "/api/organisations",
                "none",
                Map.of(),
                null,
                "",
                List.of(401, 403, 403, 403, 200)),
            new Case(
                "organisations",
                "GET /api/organisations/{id}",
                id -> "/api/organisations/" + id,
                "owner",
                Map.of(),
                null,
                "",
                List.of(200, 200, 200, 200, 200)),
            new Case(
                "organisations",
                "PUT /api/organisations/{id}/review",
                id -> "/api/organisations/" + id + "/review",
                "organisation",
                Map.of("if-match", "\"1\""),
                "{\"status\":\"approved\",\"trusted\":false}",
                "",
                List.of(401, 403, 403, 403, 200)));

    List<String> mismatches = new ArrayList<>();
    for (Case c : cases) {
      for (int i = 0; i < CALLERS.size(); i++) {
        String target = prepare(c.setup());
        Map<String, String> pathParams = new LinkedHashMap<>();
        if (c.routeKey().contains("{id}")) {
          pathParams.put("id", target);
        }
        APIGatewayV2HTTPResponse response =
            functions
                .get(c.function())
                .handleRequest(
                    Events.request(
                        c.routeKey(),
                        c.path().apply(target),
                        pathParams,
                        c.query(),
                        c.headers(),
                        c.body(),
                        claims(i)),
                    null);
        if (response.getStatusCode() != c.expected().get(i)) {
          mismatches.add(
              c.routeKey()
                  + " ["
                  + c.setup()
                  + "] as "
                  + CALLERS.get(i)
                  + ": expected "
                  + c.expected().get(i)
                  + " got "
                  + response.getStatusCode()
                  + " "
                  + response.getBody());
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static Map<String, String> claims(int caller) {
    return switch (caller) {
      case 0 -> null;
      case 1 -> Events.provider(OWNER);
      case 2 -> Events.provider(OTHER);
      case 3 -> {
        Map<String, String> gp =
            Map.of("sub", "gp-matrix-" + System.nanoTime(), "cognito:groups", "[prescriber]");
        Events.enrol(wiring.memberships, gp);
        yield gp;
      }
      default -> Events.admin();
    };
  }

  /** Creates what the route needs and returns its id. */
  private static String prepare(String setup) throws Exception {
    Caller admin = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
    return switch (setup) {
      case "none" -> "none";
      case "owner" -> OWNER;
      case "organisation" -> {
        String id = "org-matrix-" + System.nanoTime();
        wiring.organisationService.upsert(
            admin, new Organisation(id, id, null, Organisation.PENDING, false, 0));
        yield id;
      }
      default -> {
        var content =
            Json.MAPPER.readValue(
                ListingsApiIT.validBody("Matrix Walk"),
                org.signpost.core.listing.ListingContent.class);
        var listing =
            wiring.listingService.create(
                admin, Optional.of(OWNER), content, !setup.equals("published"));
        if (setup.equals("submitted")) {
          // A draft submitted by a provider of an organisation that is no longer trusted waits for
          // review.
          Caller provider = new Caller("p", Set.of(Role.PROVIDER), Optional.of(OWNER));
          wiring.organisationService.upsert(
              admin, new Organisation(OWNER, OWNER, null, Organisation.APPROVED, false, 0));
          listing = wiring.listingService.submit(provider, listing.id(), 1);
          wiring.organisationService.upsert(
              admin, new Organisation(OWNER, OWNER, null, Organisation.APPROVED, true, 0));
          JsonNode check = Json.MAPPER.valueToTree(listing.status());
          assertThat(check.asText()).isEqualTo("submitted");
        }
        yield listing.id();
      }
    };
  }
}
