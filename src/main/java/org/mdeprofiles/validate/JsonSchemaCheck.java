package org.mdeprofiles.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistInteger;
import org.mdeprofiles.plist.PlistValue.PlistReal;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * Checks preference values against a JSON Schema such as the one Microsoft publishes for
 * {@code com.microsoft.wdav}: the keywords type, enum, properties, required, additionalProperties,
 * items, minimum, maximum, minLength and maxLength. Other keywords (titles, links, defaults) say
 * nothing about validity and are ignored; a property the schema does not list is a warning.
 */
public final class JsonSchemaCheck {
  private JsonSchemaCheck() {}

  /** Findings for {@code value} against {@code schema} (a loaded JSON object), paths under {@code at}. */
  public static List<Finding> check(Map<?, ?> schema, PlistValue value, PlistPath at) {
    List<Finding> findings = new ArrayList<>();
    check(schema, value, at, findings);
    return findings;
  }

  private static void check(Map<?, ?> schema, PlistValue value, PlistPath at, List<Finding> findings) {
    Object type = schema.get("type");
    if (type != null && !typeMatches(type, value)) {
      findings.add(Finding.error(at, "schema.type", String.valueOf(type), ValueType.labelOf(value)));
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(plain(value))) {
      findings.add(Finding.error(at, "schema.enum", KeyChecker.display(value),
          allowed.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }
    range(schema, value, at, findings);
    if (value instanceof PlistDict dict) {
      properties(schema, dict, at, findings);
    } else if (value instanceof PlistArray array && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < array.items().size(); i++) {
        check(items, array.items().get(i), at.index(i), findings);
      }
    }
  }

  private static void properties(Map<?, ?> schema, PlistDict dict, PlistPath at, List<Finding> findings) {
    if (schema.get("required") instanceof List<?> required) {
      for (Object key : required) {
        if (dict.get(String.valueOf(key)) == null) {
          findings.add(Finding.error(at.key(String.valueOf(key)), "schema.required", String.valueOf(key)));
        }
      }
    }
    if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
      return;
    }
    for (Map.Entry<String, PlistValue> e : dict.entries().entrySet()) {
      if (properties.get(e.getKey()) instanceof Map<?, ?> property) {
        check(property, e.getValue(), at.key(e.getKey()), findings);
      } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
        findings.add(Finding.error(at.key(e.getKey()), "schema.unknown", e.getKey()));
      } else {
        findings.add(Finding.warning(at.key(e.getKey()), "schema.unknown", e.getKey()));
      }
    }
  }

  /**
   * The value against a schema bound, exactly where both are finite (a 64-bit integer against
   * 1.5, say), and as doubles where either is infinite or not a number (1e400 in a schema reads
   * as infinity): never an exception.
   */
  private static int compare(PlistValue value, Number bound) {
    double b = bound.doubleValue();
    double v = value instanceof PlistInteger i ? i.value().doubleValue() : ((PlistReal) value).value();
    if (Double.isNaN(b) || Double.isNaN(v)) {
      return 0;
    }
    if (Double.isInfinite(b) || Double.isInfinite(v)) {
      return Double.compare(v, b);
    }
    BigDecimal exact = value instanceof PlistInteger i ? new BigDecimal(i.value()) : BigDecimal.valueOf(v);
    return exact.compareTo(new BigDecimal(bound.toString()));
  }

  private static void range(Map<?, ?> schema, PlistValue value, PlistPath at, List<Finding> findings) {
    Double number = value instanceof PlistInteger i ? (Double) i.value().doubleValue()
        : value instanceof PlistReal r ? (Double) r.value() : null;
    if (number != null) {
      String shown = value instanceof PlistInteger i ? i.value().toString() : String.valueOf(number);
      if (schema.get("minimum") instanceof Number min && compare(value, min) < 0) {
        findings.add(Finding.error(at, "schema.minimum", shown, min.toString()));
      }
      if (schema.get("maximum") instanceof Number max && compare(value, max) > 0) {
        findings.add(Finding.error(at, "schema.maximum", shown, max.toString()));
      }
    }
    if (value instanceof PlistString s) {
      int length = s.value().codePointCount(0, s.value().length());
      if (schema.get("minLength") instanceof Number min && length < min.intValue()) {
        findings.add(Finding.error(at, "schema.min-length", String.valueOf(length), min.toString()));
      }
      if (schema.get("maxLength") instanceof Number max && length > max.intValue()) {
        findings.add(Finding.error(at, "schema.max-length", String.valueOf(length), max.toString()));
      }
    }
  }

  private static boolean typeMatches(Object type, PlistValue value) {
    if (type instanceof List<?> types) {
      return types.stream().anyMatch(t -> typeMatches(t, value));
    }
    return switch (String.valueOf(type)) {
      case "string" -> value instanceof PlistString;
      case "integer" -> value instanceof PlistInteger;
      case "number" -> value instanceof PlistInteger || value instanceof PlistReal;
      case "boolean" -> value instanceof PlistBoolean;
      case "array" -> value instanceof PlistArray;
      case "object" -> value instanceof PlistDict;
      default -> true;
    };
  }

  /** The value as the loaded JSON would hold it, for enum comparison. */
  private static Object plain(PlistValue value) {
    if (value instanceof PlistString s) {
      return s.value();
    }
    if (value instanceof PlistBoolean b) {
      return b.value();
    }
    if (value instanceof PlistInteger i) {
      BigInteger v = i.value();
      return v.bitLength() < 32 ? (Object) v.intValue() : v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
    if (value instanceof PlistReal r) {
      return r.value();
    }
    return value;
  }
}
