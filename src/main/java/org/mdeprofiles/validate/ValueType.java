package org.mdeprofiles.validate;

import java.util.Locale;
import org.mdeprofiles.plist.PlistValue;

/** The value types a spec can ask for; {@code ANY} accepts every plist value. */
enum ValueType {
  STRING,
  INTEGER,
  REAL,
  /** An integer or a real (JSON Schema's "number"). */
  NUMBER,
  BOOLEAN,
  DATE,
  DATA,
  ARRAY,
  DICT,
  ANY;

  static ValueType parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String labelOf(PlistValue value) {
    return value instanceof PlistValue.PlistBoolean ? "boolean" : value.typeName();
  }

  boolean accepts(PlistValue value) {
    return switch (this) {
      case STRING -> value instanceof PlistValue.PlistString;
      case INTEGER -> value instanceof PlistValue.PlistInteger;
      case REAL -> value instanceof PlistValue.PlistReal;
      case NUMBER -> value instanceof PlistValue.PlistInteger || value instanceof PlistValue.PlistReal;
      case BOOLEAN -> value instanceof PlistValue.PlistBoolean;
      case DATE -> value instanceof PlistValue.PlistDate;
      case DATA -> value instanceof PlistValue.PlistData;
      case ARRAY -> value instanceof PlistValue.PlistArray;
      case DICT -> value instanceof PlistValue.PlistDict;
      case ANY -> true;
    };
  }
}
