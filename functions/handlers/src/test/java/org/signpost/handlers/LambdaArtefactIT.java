package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The Lambda jar (built in the package phase, before integration tests) holds the functions and
 * nothing that only the local runtime may have: no dev sign-in, no local OpenID server, no key.
 */
class LambdaArtefactIT {

  @Test
  void lambdaJar_hasTheFunctions_andNoDevOnlyRouteSignInOrKey() throws IOException {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(f -> f.getFileName().toString().endsWith("-lambda.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no -lambda.jar in target/; run package"));
    }
    List<String> entries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().forEach(entry -> entries.add(entry.getName()));
    }

    assertThat(entries)
        .contains(
            "org/signpost/handlers/auth/AuthFunction.class",
            "org/signpost/handlers/MembershipsFunction.class",
            "openapi.yaml");
    assertThat(entries)
        .noneMatch(name -> name.startsWith("org/signpost/local/"))
        .noneMatch(name -> name.startsWith("no/nav/security/"))
        .noneMatch(name -> name.contains("DevSignIn") || name.contains("DevKeys"))
        .noneMatch(name -> name.endsWith(".jwk") || name.endsWith("dev-jwk.json"))
        .noneMatch(name -> name.endsWith(".pem") || name.endsWith(".key"));
  }
}
