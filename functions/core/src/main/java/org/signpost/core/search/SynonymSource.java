package org.signpost.core.search;

import java.util.Optional;

/**
 * Port: the admin-edited synonym list, with a version so a search environment reloads its query
 * analyzer only when it changed.
 */
public interface SynonymSource {

  /** The current admin list, if an admin has saved one. */
  Optional<Edited> current();

  /** Synonym lines in the Solr format, and the version that saved them. */
  record Edited(String text, long version) {}

  /** No admin list: only the bundled synonyms apply. */
  SynonymSource NONE = Optional::empty;
}
