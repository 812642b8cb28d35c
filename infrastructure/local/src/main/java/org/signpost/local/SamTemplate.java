package org.signpost.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the SAM template. CloudFormation short tags ({@code !Ref X}, {@code !Sub ...}) become
 * one-entry maps such as {@code {"Ref": "X"}}, so a plain {@code X} and {@code !Ref X} stay
 * distinguishable. Immutable after loading.
 */
public final class SamTemplate {
  private final Map<String, Object> root;

  private SamTemplate(Map<String, Object> root) {
    this.root = root;
  }

  public static SamTemplate load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(reader);
      return new SamTemplate(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** An HTTP API route: its route key, handler class and whether the JWT authoriser guards it. */
  public record Route(String method, String path, String handlerClass, boolean authorised) {
    public String routeKey() {
      return method + " " + path;
    }
  }

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources() {
    return (Map<String, Map<String, Object>>) (Map<String, ?>) root.get("Resources");
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> globalEnvironment() {
    Map<String, Object> function =
        (Map<String, Object>) ((Map<String, Object>) root.get("Globals")).get("Function");
    return (Map<String, Object>)
        ((Map<String, Object>) function.get("Environment")).get("Variables");
  }

  /** The names of the environment variables a function gets: the globals and its own. */
  @SuppressWarnings("unchecked")
  public java.util.Set<String> environmentOf(String function) {
    java.util.Set<String> names = new java.util.TreeSet<>(globalEnvironment().keySet());
    Map<String, Object> properties =
        (Map<String, Object>) resources().get(function).get("Properties");
    Map<String, Object> environment =
        (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
    names.addAll(((Map<String, Object>) environment.getOrDefault("Variables", Map.of())).keySet());
    return names;
  }

  /** Each function's logical id, by the handler class it names. */
  @SuppressWarnings("unchecked")
  public Map<String, String> functionsByHandlerClass() {
    Map<String, String> out = new LinkedHashMap<>();
    resources()
        .forEach(
            (id, resource) -> {
              if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                String handler =
                    String.valueOf(
                        ((Map<String, Object>) resource.get("Properties")).get("Handler"));
                out.put(
                    handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
                    id);
              }
            });
    return out;
  }

  /** Every HttpApi route of every function, in template order. */
  @SuppressWarnings("unchecked")
  public List<Route> routes() {
    boolean defaultAuthorised = hasDefaultAuthorizer();
    List<Route> routes = new ArrayList<>();
    for (Map<String, Object> resource : resources().values()) {
      if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
        continue;
      }
      Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
      String handler = String.valueOf(properties.get("Handler"));
      String handlerClass =
          handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
      Map<String, Object> events =
          (Map<String, Object>) properties.getOrDefault("Events", Map.of());
      for (Object value : events.values()) {
        Map<String, Object> event = (Map<String, Object>) value;
        if (!"HttpApi".equals(event.get("Type"))) {
          continue;
        }
        Map<String, Object> props = (Map<String, Object>) event.get("Properties");
        Map<String, Object> auth = (Map<String, Object>) props.get("Auth");
        boolean authorised =
            auth == null ? defaultAuthorised : !"NONE".equals(auth.get("Authorizer"));
        routes.add(
            new Route(
                String.valueOf(props.get("Method")).toUpperCase(java.util.Locale.ROOT),
                String.valueOf(props.get("Path")),
                handlerClass,
                authorised));
      }
    }
    return routes;
  }

  @SuppressWarnings("unchecked")
  private boolean hasDefaultAuthorizer() {
    for (Map<String, Object> resource : resources().values()) {
      if ("AWS::Serverless::HttpApi".equals(resource.get("Type"))) {
        Map<String, Object> auth =
            (Map<String, Object>)
                ((Map<String, Object>) resource.get("Properties")).getOrDefault("Auth", Map.of());
        return auth.get("DefaultAuthorizer") != null;
      }
    }
    return false;
  }

  /** SnakeYAML constructor that keeps CloudFormation intrinsic tags as maps. */
  private static final class CloudFormationConstructor extends SafeConstructor {
    CloudFormationConstructor() {
      super(new LoaderOptions());
      this.yamlConstructors.put(null, new Intrinsic());
    }

    private final class Intrinsic extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String tag = node.getTag().getValue();
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        String key = "Ref".equals(name) ? "Ref" : "Fn::" + name;
        Object value =
            switch (node) {
              case ScalarNode scalar -> scalar.getValue();
              case SequenceNode sequence -> constructSequence(sequence);
              case MappingNode mapping -> constructMapping(mapping);
              default -> null;
            };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        return out;
      }
    }
  }
}
