package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.org.Organisation;
import org.signpost.core.search.SearchService;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.storage.S3IndexSnapshots;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.search.SearchFilters;
import org.signpost.search.SearchHits;
import org.signpost.search.SearchQuery;
import org.signpost.testing.TestBackend;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Index snapshots in a real S3-API server (s3rver): a search environment opens the newest one that
 * checks out and catches up from the change log, or builds from a scan when there is none.
 */
@ExtendWith(TestBackend.class)
class IndexSnapshotsIT {
  private static NodeServer s3rver;
  private static S3Client s3;
  private static Wiring wiring;
  private static int bucketCount;
  private S3IndexSnapshots snapshots;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    Path dir = Files.createTempDirectory("s3rver");
    s3rver =
        NodeServer.start(
            NodeServer.repositoryRoot().resolve("infrastructure/local/node/s3rver-server.js"),
            "--dir",
            dir.toString());
    s3 =
        S3IndexSnapshots.client(
            "eu-west-2", Optional.of(java.net.URI.create("http://127.0.0.1:" + s3rver.port())));
    wiring = new Wiring(store.config(true), Clock.systemUTC());
    wiring.organisationService.upsert(
        OpenDataImport.IMPORTER,
        new Organisation("org-snap", "Snapshot Test Group", null, Organisation.APPROVED, true, 0));
    for (int i = 0; i < 5; i++) {
      put("snap-" + i, "Seated Exercise Class " + i);
    }
  }

  @AfterAll
  static void stop() {
    s3.close();
    s3rver.close();
  }

  @BeforeEach
  void freshBucket() {
    String bucket = "snapshots-" + (++bucketCount);
    s3.createBucket(r -> r.bucket(bucket));
    snapshots = new S3IndexSnapshots(s3, bucket);
  }

  private static void put(String id, String name) {
    wiring.listingService.importListing(
        OpenDataImport.IMPORTER,
        id,
        "org-snap",
        new ListingContent(
            "activity",
            false,
            false,
            name,
            "Gentle exercise in a chair.",
            "Weekly.",
            List.of(),
            List.of(),
            List.of("online"),
            List.of(),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null),
        "2026-11-01",
        false);
  }

  private static List<String> ids(SearchService search, String text) {
    SearchHits hits =
        search.search(
            new SearchQuery(
                text,
                SearchFilters.NONE,
                null,
                null,
                SearchQuery.SortOrder.RELEVANCE,
                50,
                null,
                null));
    return hits.hits().stream().map(SearchHits.Hit::id).toList();
  }

  @Test
  void theChangeLog_leavesOutListingsAtAVersionTheReaderHas_andKeepsNewerOnes() {
    List<org.signpost.core.listing.Listing> all = wiring.listings.changedSince("");
    org.signpost.core.listing.Listing first = all.get(0);

    List<org.signpost.core.listing.Listing> withoutKnown =
        wiring.listings.changedSince(
            "", (id, version) -> id.equals(first.id()) && version == first.version());
    List<org.signpost.core.listing.Listing> olderKnown =
        wiring.listings.changedSince(
            "", (id, version) -> id.equals(first.id()) && version > first.version());

    assertThat(all).hasSizeGreaterThanOrEqualTo(5);
    assertThat(withoutKnown)
        .extracting(org.signpost.core.listing.Listing::id)
        .hasSize(all.size() - 1)
        .doesNotContain(first.id());
    assertThat(olderKnown).extracting(org.signpost.core.listing.Listing::id).contains(first.id());
  }

  @Test
  void noSnapshotYet_buildsFromAScan() {
    SearchService search = wiring.unstartedSearchService();

    assertThat(search.start(snapshots)).isEmpty();
    assertThat(search.ready()).isTrue();
    assertThat(ids(search, "seated exercise")).contains("snap-0", "snap-4");
  }

  @Test
  void staleSnapshot_isOpened_andCaughtUpFromTheChangeLog() {
    SearchService writer = wiring.unstartedSearchService();
    writer.start(snapshots);
    String key = writer.writeSnapshot(snapshots);
    put("snap-late", "Seated Exercise Latecomers");

    SearchService reader = wiring.unstartedSearchService();

    assertThat(reader.start(snapshots)).contains(key);
    assertThat(ids(reader, "seated exercise")).contains("snap-0", "snap-late");
  }

  @Test
  void anEditAfterASnapshotLoad_isFoundWithinTwoSeconds() throws Exception {
    SearchService writer = wiring.unstartedSearchService();
    writer.start(snapshots);
    writer.writeSnapshot(snapshots);
    SearchService reader = wiring.unstartedSearchService();
    assertThat(reader.start(snapshots)).isPresent();

    long started = System.nanoTime();
    put("snap-fresh", "Seated Exercise Newcomers Welcome");
    while (!ids(reader, "newcomers").contains("snap-fresh")
        && System.nanoTime() - started < 5_000_000_000L) {
      Thread.sleep(50);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(ids(reader, "newcomers")).contains("snap-fresh");
    assertThat(millis).as("edit to search after a snapshot load").isLessThan(2_000);
  }

  @Test
  void damagedOrPartialSnapshot_isRefused_andTheNextOlderOneIsUsed() {
    SearchService writer = wiring.unstartedSearchService();
    writer.start(snapshots);
    String good = writer.writeSnapshot(snapshots);
    byte[] bytes = snapshots.read(good);
    byte[] damaged = bytes.clone();
    damaged[damaged.length / 2] ^= 0x33;
    snapshots.write("9999-partial.snapshot", java.util.Arrays.copyOf(bytes, bytes.length / 2));
    snapshots.write("9998-damaged.snapshot", damaged);

    SearchService reader = wiring.unstartedSearchService();

    assertThat(reader.start(snapshots)).contains(good);
    assertThat(ids(reader, "seated exercise")).contains("snap-0");
  }

  @Test
  void onlyDamagedSnapshots_fallBackToAScan() {
    snapshots.write("9999-junk.snapshot", new byte[] {1, 2, 3});

    SearchService reader = wiring.unstartedSearchService();

    assertThat(reader.start(snapshots)).isEmpty();
    assertThat(ids(reader, "seated exercise")).contains("snap-0");
  }

  @Test
  void concurrentWriters_theNewestCompleteSnapshotWins_andOldOnesArePruned() throws Exception {
    List<CompletableFuture<String>> writes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      writes.add(
          CompletableFuture.supplyAsync(
              () -> {
                SearchService writer = wiring.unstartedSearchService();
                writer.start(snapshots);
                return writer.writeSnapshot(snapshots);
              }));
    }
    List<String> written = new ArrayList<>();
    for (CompletableFuture<String> w : writes) {
      written.add(w.get());
    }
    List<String> kept = snapshots.newestFirst();
    String newest = written.stream().max(String::compareTo).orElseThrow();

    assertThat(kept).hasSizeLessThanOrEqualTo(4).first().isEqualTo(newest);
    assertThat(wiring.unstartedSearchService().start(snapshots)).contains(newest);
  }
}
