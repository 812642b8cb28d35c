package org.signpost.core.crisis;

/**
 * Spots free text, such as a search query or a referral, in which someone seems to be at risk:
 * wanting to die, suicidal thoughts, a method or plan, self-harm, feeling a burden, hopelessness,
 * or abuse and immediate danger, to themselves or to someone they write about.
 *
 * <p>Text is first normalised (spelling, text-speak, typos; see {@link CrisisText}) and then read
 * by concept rules ({@link DistressRules}); text in the pages' other languages is read by their
 * core phrases ({@link OtherLanguages}). Stateless; one instance can be shared freely.
 */
public final class CrisisDetector {

  // Search boxes never send anything near this long; bounding the work keeps an abusive request
  // cheap while still covering a long referral or a 10 kB paste.
  private static final int MAX_CHARS = 20_000;

  /** Creates a detector; it holds no per-call state. */
  public CrisisDetector() {}

  /**
   * Returns true when the text reads like someone, the writer or a person they write about, is in
   * danger or at risk of harming themselves.
   *
   * @param text free text from a user; may be null
   * @return whether the text should trigger crisis signposting
   */
  public boolean signalsDistress(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    return DistressRules.anyMatch(CrisisText.normalise(bounded)) || OtherLanguages.signals(bounded);
  }
}
