package org.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * A parsed synonym list in the Solr format (one group of equivalent terms per line). Immutable and
 * thread-safe.
 *
 * @param map the compiled map the query analyzer applies
 * @param groups the terms of each line, for autocomplete
 */
public record Synonyms(SynonymMap map, List<List<String>> groups) {
  private static final String BUNDLED = "synonyms.txt";

  public Synonyms {
    groups = List.copyOf(groups);
  }

  /** The vocabulary shipped with the code, parsed once per process (it is immutable). */
  public static Synonyms bundled() {
    return Bundled.SYNONYMS;
  }

  /** Parsed on first use, so a class that never asks for the bundled list never pays for it. */
  private static final class Bundled {
    static final Synonyms SYNONYMS = parse(bundledText());
  }

  /** The text of the shipped vocabulary, so an admin list can be appended to it. */
  public static String bundledText() {
    try (InputStream in = Synonyms.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled synonyms.txt is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a list, such as the bundled one plus an admin's additions.
   *
   * @throws IllegalArgumentException naming the problem when a line cannot be parsed
   */
  public static Synonyms parse(String text) {
    // Entries are matched against folded, lower-cased words before stemming, so they are parsed
    // the same way; stemming happens after expansion, on every alternative alike.
    try (Analyzer entries = new EntryAnalyzer()) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
      parser.parse(new StringReader(text));
      return new Synonyms(parser.build(), groups(text));
    } catch (ParseException | IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("synonyms could not be parsed: " + e.getMessage(), e);
    }
  }

  private static List<List<String>> groups(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      List<String> group = new ArrayList<>();
      for (String term : trimmed.replace("=>", ",").split(",")) {
        if (!term.isBlank()) {
          group.add(term.strip());
        }
      }
      out.add(List.copyOf(group));
    }
    return out;
  }

  /** Reads text for the synonym parser: the query analyzer's steps before expansion. */
  static final class EntryAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream = new ASCIIFoldingFilter(stream);
      return new TokenStreamComponents(source, stream);
    }
  }
}
