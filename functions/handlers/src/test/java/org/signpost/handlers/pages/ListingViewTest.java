package org.signpost.handlers.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingViewTest {

  @Test
  void costNote_isLeftOut_whenItOnlyRepeatsTheLabel() {
    assertThat(ListingView.costNote("Free", "Free")).isNull();
    assertThat(ListingView.costNote("Free", " free. ")).isNull();
    assertThat(ListingView.costNote("Free", "")).isNull();
    assertThat(ListingView.costNote("Free", null)).isNull();
  }

  @Test
  void costNote_isKept_whenItSaysMore() {
    assertThat(ListingView.costNote("Free", "Free; bring £1 for tea if you can"))
        .isEqualTo("Free; bring £1 for tea if you can");
    assertThat(ListingView.costNote("Low cost", "£2 a session")).isEqualTo("£2 a session");
  }
}
