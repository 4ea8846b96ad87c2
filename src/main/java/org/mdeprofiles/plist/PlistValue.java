package org.mdeprofiles.plist;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A property-list value, independent of the library that parsed it; dictionaries keep key order. */
public sealed interface PlistValue {

  /** The plist element name of this value's type ("string", "integer", "dict", ...). */
  String typeName();

  /** A {@code <string>}. */
  record PlistString(String value) implements PlistValue {
    public PlistString {
      Objects.requireNonNull(value, "value == null");
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /** An {@code <integer>}; arbitrary precision so that out-of-range values can be reported. */
  record PlistInteger(BigInteger value) implements PlistValue {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public PlistInteger {
      Objects.requireNonNull(value, "value == null");
    }

    /** True when {@code value} fits the signed 64 bits a property-list integer has. */
    public static boolean fits(BigInteger value) {
      return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
    }

    @Override
    public String typeName() {
      return "integer";
    }
  }

  /** A {@code <real>}. */
  record PlistReal(double value) implements PlistValue {
    @Override
    public String typeName() {
      return "real";
    }
  }

  /** A {@code <true/>} or {@code <false/>}. */
  record PlistBoolean(boolean value) implements PlistValue {
    @Override
    public String typeName() {
      return "boolean";
    }
  }

  /** A {@code <date>}, kept as its ISO 8601 text. */
  record PlistDate(String iso8601) implements PlistValue {
    public PlistDate {
      Objects.requireNonNull(iso8601, "iso8601 == null");
    }

    @Override
    public String typeName() {
      return "date";
    }
  }

  /** A {@code <data>} value. */
  record PlistData(byte[] bytes) implements PlistValue {
    public PlistData {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String typeName() {
      return "data";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PlistData that && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    /** The bytes as base64, as a plist writes them. */
    public String base64() {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
      return "PlistData[" + base64() + "]";
    }
  }

  /** An {@code <array>}. */
  record PlistArray(List<PlistValue> items) implements PlistValue {
    public PlistArray {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public String typeName() {
      return "array";
    }
  }

  /** A {@code <dict>}, in document order. */
  record PlistDict(Map<String, PlistValue> entries) implements PlistValue {
    public PlistDict {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String typeName() {
      return "dict";
    }

    /**
     * A payload's own keys: the dictionary without the Payload* keys every payload carries (its
     * type, identity and texts), which is what a preference domain holds.
     */
    public PlistDict withoutPayloadKeys() {
      Map<String, PlistValue> own = new LinkedHashMap<>();
      entries.forEach((k, v) -> {
        if (!k.startsWith("Payload")) {
          own.put(k, v);
        }
      });
      return new PlistDict(own);
    }

    /** A dictionary of alternating keys and values, in that order. */
    public static PlistDict of(Object... keysAndValues) {
      Map<String, PlistValue> entries = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        entries.put((String) keysAndValues[i], (PlistValue) keysAndValues[i + 1]);
      }
      return new PlistDict(entries);
    }

    public PlistValue get(String key) {
      return entries.get(key);
    }

    /** The string at {@code key}, or null when absent or not a string. */
    public String string(String key) {
      return entries.get(key) instanceof PlistString s ? s.value() : null;
    }
  }
}
