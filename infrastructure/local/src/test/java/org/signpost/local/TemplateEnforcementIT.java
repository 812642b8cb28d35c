package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The local runtime enforces template.yaml's permissions: a function's wiring can do what its
 * policies allow and is refused, as AWS would refuse it, anything else.
 */
@ExtendWith(TestBackend.class)
class TemplateEnforcementIT {
  private static Map<String, TemplatePermissions> permissions;

  @BeforeAll
  static void store(TestBackend.Store store) {
    System.setProperty("DYNAMODB_ENDPOINT", store.endpoint().toString());
    System.setProperty("TABLE_PREFIX", store.tablePrefix());
    permissions =
        TemplatePermissions.of(
            SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml")));
  }

  @Test
  void pagesFunction_buildsItsIndex_withTheTemplatesPermissions() {
    Wiring pages = FunctionWirings.wiring(permissions.get("PagesFunction"));

    assertThat(pages.newSearchService().ready()).isTrue();
  }

  @Test
  void pagesFunction_withoutSettingsRead_cannotBuildItsIndex_andGetsAccessDenied() {
    Wiring pages =
        FunctionWirings.wiring(permissions.get("PagesFunction").without("GetItem", "settings"));

    assertThatThrownBy(pages::newSearchService)
        .isInstanceOf(DynamoDbException.class)
        .satisfies(
            e -> {
              DynamoDbException denied = (DynamoDbException) e;
              assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
              assertThat(denied.statusCode()).isEqualTo(400);
              assertThat(denied.getMessage())
                  .contains("PagesFunction", "dynamodb:GetItem", "settings");
            });
  }

  @Test
  void housekeepingAndReports_runTheirPasses_withTheTemplatesPermissions() {
    Wiring housekeeping = FunctionWirings.wiring(permissions.get("HousekeepingFunction"));
    Wiring reports = FunctionWirings.wiring(permissions.get("ReportsFunction"));
    org.signpost.core.auth.Caller admin =
        new org.signpost.core.auth.Caller(
            "admin",
            java.util.Set.of(org.signpost.core.auth.Role.ADMIN),
            java.util.Optional.empty());

    // A listing nobody confirmed for two years: the pass reads and writes guards for it.
    Wiring listings = FunctionWirings.wiring(permissions.get("PortalFunction"));
    FunctionWirings.wiring(permissions.get("OrganisationsFunction"))
        .organisationService
        .upsert(
            admin,
            new org.signpost.core.org.Organisation(
                "org-enforce", "Enforce", null, "approved", true, 0));
    listings.listingService.importListing(
        admin,
        "lst-enforce-stale",
        "org-enforce",
        org.signpost.handlers.http.Json.read(
            "{\"name\":\"Old Tea\",\"summary\":\"Tea.\",\"categories\":[\"social_groups\"],"
                + "\"delivery\":[\"phone\"],\"contact\":{\"phone\":\"0121 496 0000\"}}",
            org.signpost.core.listing.ListingContent.class),
        "2024-01-01",
        false);

    assertThat(housekeeping.staleListings.run().secondReminders()).isEqualTo(1);
    assertThat(housekeeping.staleListings.run().unpublished()).isEqualTo(1);
    assertThat(housekeeping.referralService.followUps().sendDue()).isZero();
    assertThat(reports.reports.pathway(admin).rows()).isNotEmpty();
    assertThat(reports.reports.freshness(admin).rows()).isNotEmpty();
    assertThatThrownBy(() -> reports.referrals.delete("any-referral"))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("dynamodb:DeleteItem");
  }

  @Test
  void unmetNeedCounters_pagesFunctionOnlyAddsAndReportsFunctionOnlyReads() {
    Wiring pages = FunctionWirings.wiring(permissions.get("PagesFunction"));
    Wiring reports = FunctionWirings.wiring(permissions.get("ReportsFunction"));
    org.signpost.core.report.UnmetNeed cell =
        new org.signpost.core.report.UnmetNeed("2026-11", "B11", "need:housing");

    pages.unmetNeedStore.add(cell, 5);

    assertThat(reports.unmetNeedStore.all()).containsEntry(cell, 5L);
    assertThatThrownBy(pages.unmetNeedStore::all)
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("dynamodb:Scan");
    assertThatThrownBy(() -> reports.unmetNeedStore.add(cell, 1))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("dynamodb:UpdateItem");
  }

  @Test
  void publicPagesFunction_cannotDeleteOrScanReferrals() {
    Wiring pages = FunctionWirings.wiring(permissions.get("PagesFunction"));

    assertThatThrownBy(() -> pages.referrals.delete("any-referral"))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("dynamodb:DeleteItem");
    assertThatThrownBy(pages.referrals::all)
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("dynamodb:Scan");
  }

  @Test
  void indexerFunction_readsListings_butNotMemberships() {
    Wiring indexer = FunctionWirings.wiring(permissions.get("IndexerFunction"));

    assertThatThrownBy(() -> indexer.memberships.find("anyone"))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("memberships");
    assertThat(indexer.listings.find("no-such-listing")).isEmpty();
  }

  @Test
  void eachFunction_seesOnlyTheEnvironmentItsTemplateEntryGivesIt() {
    String key = "local-site-key-for-the-environment-test";
    String before = System.getProperty("WEB_SECRET");
    System.setProperty("WEB_SECRET", key);
    try {
      FunctionWirings functions =
          new FunctionWirings(
              SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml")));

      // Only the functions given the site key's secret see the key; others get one of their own.
      assertThat(new String(functions.forFunction("PagesFunction").settings.webSecret()))
          .isEqualTo(key);
      assertThat(new String(functions.forFunction("IndexerFunction").settings.webSecret()))
          .isNotEqualTo(key);
      assertThat(functions.visibleTo("IndexerFunction"))
          .contains("TABLE_PREFIX", "PUBLIC_BASE_URL")
          .doesNotContain("WEB_SECRET", "WEB_SECRET_ARN");
    } finally {
      if (before == null) {
        System.clearProperty("WEB_SECRET");
      } else {
        System.setProperty("WEB_SECRET", before);
      }
    }
  }
}
