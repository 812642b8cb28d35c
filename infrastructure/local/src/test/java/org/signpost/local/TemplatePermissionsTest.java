package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.signpost.devstore.NodeServer;

/** template.yaml's DynamoDB permissions, read as the local runtime enforces them. */
class TemplatePermissionsTest {
  private static final Map<String, TemplatePermissions> PERMISSIONS =
      TemplatePermissions.of(
          SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml")));

  @Test
  void samPolicyTemplates_expandToTheirActions_onTableAndIndexes() {
    TemplatePermissions indexer = PERMISSIONS.get("IndexerFunction");

    assertThat(indexer.allows("Query", "listings", Optional.of("changes"))).isTrue();
    assertThat(indexer.allows("Scan", "listings", Optional.empty())).isTrue();
    assertThat(indexer.allows("GetItem", "settings", Optional.empty())).isTrue();
    assertThat(indexer.allows("PutItem", "listings", Optional.empty())).isFalse();
  }

  @Test
  void explicitStatements_grantTheirActions_andIndexesOnlyWhenNamed() {
    TemplatePermissions pages = PERMISSIONS.get("PagesFunction");

    assertThat(pages.allows("PutItem", "referrals", Optional.empty())).isTrue();
    assertThat(pages.allows("Query", "referrals", Optional.of("byToken"))).isTrue();
    assertThat(pages.allows("GetItem", "memberships", Optional.empty())).isTrue();
    assertThat(pages.allows("Query", "memberships", Optional.of("any"))).isFalse();
  }

  @Test
  void publicPages_readSettings_andNeverDeleteOrScanReferrals() {
    TemplatePermissions pages = PERMISSIONS.get("PagesFunction");

    assertThat(pages.allows("GetItem", "settings", Optional.empty())).isTrue();
    assertThat(pages.allows("DeleteItem", "referrals", Optional.empty())).isFalse();
    assertThat(pages.allows("Scan", "referrals", Optional.empty())).isFalse();
  }

  @Test
  void softArchivingFunctions_haveNoDeleteItemAnywhere() {
    for (String function : new String[] {"ListingsFunction", "PortalFunction", "PagesFunction"}) {
      assertThat(PERMISSIONS.get(function).grants())
          .as(function)
          .noneMatch(grant -> grant.action().equals("DeleteItem"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void siteKeySecret_goesOnlyToTheFunctionsThatSignFormsOrLinks() {
    SamTemplate template = SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml"));
    java.util.Set<String> withSecret = new java.util.TreeSet<>();
    template
        .resources()
        .forEach(
            (id, resource) -> {
              Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
              Object environment = properties == null ? null : properties.get("Environment");
              if (environment != null
                  && String.valueOf(environment).contains("WEB_SECRET_ARN")
                  && String.valueOf(properties.get("Policies"))
                      .contains("AWSSecretsManagerGetSecretValuePolicy")) {
                withSecret.add(id);
              }
            });

    assertThat(withSecret)
        .containsExactly(
            "AuthFunction",
            "HousekeepingFunction",
            "PagesFunction",
            "PortalFunction",
            "ReferralsFunction");
    assertThat(template.globalEnvironment()).doesNotContainKeys("WEB_SECRET", "WEB_SECRET_ARN");
  }
}
