package org.mdeprofiles.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistData;
import org.mdeprofiles.plist.PlistValue.PlistDate;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistInteger;
import org.mdeprofiles.plist.PlistValue.PlistReal;
import org.mdeprofiles.plist.PlistValue.PlistString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks preference values against a JSON Schema such as the one Microsoft publishes for
 * {@code com.microsoft.wdav}, with a complete implementation of the standard (networknt's
 * json-schema-validator: every keyword of the draft the schema's {@code $schema} names, 2020-12
 * when it names none). Nothing is fetched: a {@code $ref} to another document is an error.
 * Two things the standard leaves open are said as findings: a property the schema does not list
 * (allowed unless {@code additionalProperties} says otherwise, but Defender ignores it) is a
 * warning, and the schema's words that are no JSON Schema keyword (editor hints such as
 * {@code propertyOrder} or {@code options}) are named once, as an info, so that no rule is
 * silently skipped.
 */
public final class JsonSchemaCheck {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonSchemaCheck() {}

  /**
   * Findings for {@code value} against {@code schema} (a loaded JSON object), paths under {@code at}.
   *
   * @throws IllegalArgumentException when the schema is not a usable JSON Schema
   */
  public static List<Finding> check(Map<?, ?> schema, PlistValue value, PlistPath at) {
    JsonNode schemaNode = json(schema);
    Schema compiled;
    List<Error> errors;
    try {
      // Nothing outside the schema is read: no network, no file; the drafts' meta-schemas come
      // from the validator's own resources. Standard formats (uri, date-time...) are asserted.
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          builder -> builder
              .schemaLoader(loader -> loader.fetchRemoteResources(false).block(iri -> !metaSchema(iri.toString())))
              .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      compiled = registry.getSchema(schemaNode);
      errors = compiled.validate(json(value));
    } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("not a usable JSON Schema: " + e.getMessage(), e);
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> notKeywords = new TreeSet<>();
    notKeywords(schema, dialect(schema), notKeywords);
    if (!notKeywords.isEmpty()) {
      findings.add(Finding.info(at, "schema.not-keywords", String.join(", ", notKeywords)));
    }
    for (Error e : errors) {
      findings.add(finding(e, at));
    }
    unlisted(schema, value, at, findings);
    return findings;
  }

  /** One error of the validator as a finding, in the project's words for the common keywords. */
  private static Finding finding(Error e, PlistPath at) {
    PlistPath path = path(at, e.getInstanceLocation());
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    JsonNode value = e.getInstanceNode();
    JsonNode rule = e.getSchemaNode();
    String property = e.getProperty();
    return switch (keyword) {
      case "enum" -> Finding.error(path, "schema.enum", shown(value), listed(rule));
      case "type" -> Finding.error(path, "schema.type", listed(rule), typeOf(value));
      case "required" -> Finding.error(property == null ? path : path.key(property), "schema.required",
          String.valueOf(property));
      case "additionalProperties" -> Finding.error(property == null ? path : path.key(property), "schema.unknown",
          String.valueOf(property));
      case "minimum" -> Finding.error(path, "schema.minimum", shown(value), listed(rule));
      case "maximum" -> Finding.error(path, "schema.maximum", shown(value), listed(rule));
      case "minLength" -> Finding.error(path, "schema.min-length", length(value), listed(rule));
      case "maxLength" -> Finding.error(path, "schema.max-length", length(value), listed(rule));
      default -> Finding.error(path, "schema.keyword", keyword, message(e));
    };
  }

  /** The validator's message without the instance location it may start with (the finding has the path). */
  private static String message(Error e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    String location = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    if (!location.isEmpty() && text.startsWith(location + ": ")) {
      text = text.substring(location.length() + 2);
    }
    return text;
  }

  private static String shown(JsonNode value) {
    if (value == null) {
      return "the value";
    }
    return value.isString() ? "'" + value.asString() + "'" : value.toString();
  }

  private static String listed(JsonNode rule) {
    if (rule != null && rule.isArray()) {
      List<String> items = new ArrayList<>();
      rule.forEach(n -> items.add(n.isString() ? n.asString() : n.toString()));
      return String.join(", ", items);
    }
    return rule == null ? "" : rule.isValueNode() ? rule.asString() : rule.toString();
  }

  private static String typeOf(JsonNode value) {
    if (value == null) {
      return "nothing";
    } else if (value.isObject()) {
      return "dict";
    } else if (value.isArray()) {
      return "array";
    } else if (value.isString()) {
      return "string";
    } else if (value.isBoolean()) {
      return "boolean";
    } else if (value.isIntegralNumber()) {
      return "integer";
    }
    return value.isNumber() ? "real" : "null";
  }

  private static String length(JsonNode value) {
    String text = value != null && value.isString() ? value.asString() : "";
    return String.valueOf(text.codePointCount(0, text.length()));
  }

  private static PlistPath path(PlistPath at, NodePath location) {
    PlistPath path = at;
    if (location == null) {
      return path;
    }
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? path.index(index) : path.key(String.valueOf(element));
    }
    return path;
  }

  private static boolean metaSchema(String iri) {
    return iri.startsWith("https://json-schema.org/") || iri.startsWith("http://json-schema.org/")
        || iri.startsWith("classpath:");
  }

  /** The format names the standard defines; another name asserts nothing, and is said so. */
  private static final Set<String> FORMATS = Set.of("date-time", "date", "time", "duration", "email", "idn-email",
      "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid",
      "uri-template", "json-pointer", "relative-json-pointer", "regex");

  /** The dialect whose keywords the schema uses: the one its $schema names, 2020-12 otherwise. */
  private static Dialect dialect(Map<?, ?> schema) {
    String id = schema.get("$schema") instanceof String s ? s : "";
    if (id.contains("draft-04")) {
      return Dialects.getDraft4();
    } else if (id.contains("draft-06")) {
      return Dialects.getDraft6();
    } else if (id.contains("draft-07")) {
      return Dialects.getDraft7();
    } else if (id.contains("2019-09")) {
      return Dialects.getDraft201909();
    }
    return Dialects.getDraft202012();
  }

  /** Keywords whose value is a map of names to subschemas. */
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
  /** Keywords whose value is one subschema (or, for items in old drafts, a list of them). */
  private static final Set<String> SUBSCHEMAS = Set.of("items", "additionalItems", "additionalProperties", "not",
      "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");
  /** Annotations the standard defines outside the dialect's validation keywords. */
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
      "default", "examples", "readOnly", "writeOnly", "deprecated", "contentMediaType", "contentEncoding",
      "contentSchema", "$anchor", "$dynamicAnchor", "$vocabulary", "id");

  private static void notKeywords(Object schema, Dialect dialect, Set<String> out) {
    if (!(schema instanceof Map<?, ?> map)) {
      return;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String keyword = String.valueOf(e.getKey());
      if (!dialect.getKeywords().containsKey(keyword) && !ANNOTATIONS.contains(keyword)) {
        out.add(keyword);
        continue;
      }
      if (keyword.equals("format") && e.getValue() instanceof String name && !FORMATS.contains(name)) {
        out.add("format " + name);
      }
      if (SCHEMA_MAPS.contains(keyword) && e.getValue() instanceof Map<?, ?> subschemas) {
        subschemas.values().forEach(s -> notKeywords(s, dialect, out));
      }
      if (SUBSCHEMAS.contains(keyword)) {
        notKeywords(e.getValue(), dialect, out);
      }
      if (SCHEMA_LISTS.contains(keyword) && e.getValue() instanceof List<?> list) {
        list.forEach(s -> notKeywords(s, dialect, out));
      }
      if (keyword.equals("dependencies") && e.getValue() instanceof Map<?, ?> deps) {
        deps.values().forEach(s -> notKeywords(s, dialect, out));
      }
    }
  }

  /**
   * Properties of a dictionary that its schema does not list, where the schema does not say
   * what others may be: a warning, since Defender ignores them.
   */
  private static void unlisted(Map<?, ?> schema, PlistValue value, PlistPath at, List<Finding> findings) {
    if (value instanceof PlistArray array && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < array.items().size(); i++) {
        unlisted(items, array.items().get(i), at.index(i), findings);
      }
    }
    if (!(value instanceof PlistDict dict) || !(schema.get("properties") instanceof Map<?, ?> properties)) {
      return;
    }
    boolean open = !schema.containsKey("additionalProperties") && !schema.containsKey("patternProperties")
        && !schema.containsKey("unevaluatedProperties");
    for (Map.Entry<String, PlistValue> e : dict.entries().entrySet()) {
      if (properties.get(e.getKey()) instanceof Map<?, ?> property) {
        unlisted(property, e.getValue(), at.key(e.getKey()), findings);
      } else if (open && !properties.containsKey(e.getKey())) {
        findings.add(Finding.warning(at.key(e.getKey()), "schema.unknown", e.getKey()));
      }
    }
  }

  /** A loaded JSON tree (maps, lists, strings, numbers, booleans, null) as a Jackson tree. */
  private static JsonNode json(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, v) -> node.set(String.valueOf(k), json(v)));
      return node;
    }
    if (tree instanceof List<?> list) {
      ArrayNode node = NODES.arrayNode();
      list.forEach(v -> node.add(json(v)));
      return node;
    }
    if (tree instanceof String s) {
      return NODES.stringNode(s);
    }
    if (tree instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (tree instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (tree instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (tree instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (tree instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (tree instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    return NODES.nullNode();
  }

  /** A plist value as the JSON a settings schema describes: dates and data as strings. */
  private static JsonNode json(PlistValue value) {
    if (value instanceof PlistDict dict) {
      ObjectNode node = NODES.objectNode();
      dict.entries().forEach((k, v) -> node.set(k, json(v)));
      return node;
    }
    if (value instanceof PlistArray array) {
      ArrayNode node = NODES.arrayNode();
      array.items().forEach(v -> node.add(json(v)));
      return node;
    }
    if (value instanceof PlistString s) {
      return NODES.stringNode(s.value());
    }
    if (value instanceof PlistBoolean b) {
      return NODES.booleanNode(b.value());
    }
    if (value instanceof PlistInteger i) {
      return NODES.numberNode(i.value());
    }
    if (value instanceof PlistReal r) {
      return NODES.numberNode(r.value());
    }
    if (value instanceof PlistData d) {
      return NODES.stringNode(Base64.getEncoder().encodeToString(d.bytes()));
    }
    if (value instanceof PlistDate d) {
      return NODES.stringNode(d.iso8601());
    }
    return NODES.nullNode();
  }
}
