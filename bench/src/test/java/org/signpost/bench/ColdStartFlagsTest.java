package org.signpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ColdStartFlagsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("signpost.root", "..")).toAbsolutePath();

  /** The JAVA_TOOL_OPTIONS of one function in template.yaml. */
  private static List<String> functionFlags(String function) throws Exception {
    String template = Files.readString(ROOT.resolve("template.yaml"));
    int start = template.indexOf("\n  " + function + ":\n");
    assertThat(start).as(function + " in template.yaml").isPositive();
    Matcher options =
        Pattern.compile("JAVA_TOOL_OPTIONS: \"([^\"]*)\"")
            .matcher(template.substring(start, nextResource(template, start)));
    assertThat(options.find()).as(function + " sets JAVA_TOOL_OPTIONS").isTrue();
    return Arrays.asList(options.group(1).trim().split("\\s+"));
  }

  /** Where the resource after the one starting at {@code start} begins. */
  private static int nextResource(String template, int start) {
    Matcher next = Pattern.compile("\n  [A-Za-z0-9]+:\n").matcher(template);
    return next.find(start + 1) ? next.start() : template.length();
  }

  @Test
  void coldStartProbes_startWithTheSearchFunctionsFlags() throws Exception {
    assertThat(ColdStart.FUNCTION_FLAGS).isEqualTo(functionFlags("PagesFunction"));
  }

  @Test
  void theSignpostScript_runsWithTheSearchFunctionsFlags() throws Exception {
    String script = Files.readString(ROOT.resolve("signpost"));
    Matcher flags = Pattern.compile("FUNCTION_FLAGS=\\(([^)]*)\\)").matcher(script);
    assertThat(flags.find()).isTrue();
    assertThat(Arrays.asList(flags.group(1).trim().split("\\s+")))
        .isEqualTo(functionFlags("PagesFunction"));
  }
}
