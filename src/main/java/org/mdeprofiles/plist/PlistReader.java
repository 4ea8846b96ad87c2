package org.mdeprofiles.plist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/**
 * Reads XML and binary property lists from untrusted bytes into {@link PlistValue}s: XML with the
 * project's streaming reader, binary with its bounded reader (dd-plist is the tests' oracle for both).
 */
public final class PlistReader {
  /** How deep values may nest, in XML and binary alike. */
  static final int MAX_DEPTH = 256;

  private static final byte[] BINARY_MAGIC = "bplist00".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private PlistReader() {}

  /**
   * Parses {@code bytes}. Problems a profile author can fix are findings; bytes that are no
   * property list at all throw.
   */
  public static PlistDocument read(byte[] bytes) throws PlistFormatException {
    if (bytes.length == 0) {
      throw new PlistFormatException("file is empty");
    }
    if (startsWith(bytes, BINARY_MAGIC)) {
      return BinaryPlistParser.parse(bytes);
    }
    List<Finding> findings = new ArrayList<>();
    byte[] xml = bytes;
    if (startsWith(bytes, UTF8_BOM)) {
      findings.add(Finding.error(PlistPath.root(), "plist.bom"));
      xml = Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length);
    }
    requireUtf8(xml);
    return XmlPlistParser.parse(xml, findings);
  }

  /** Checks the bytes are well-formed UTF-8 (no overlongs, no surrogates), without decoding them. */
  private static void requireUtf8(byte[] xml) throws PlistFormatException {
    int i = 0;
    while (i < xml.length) {
      // Eight ASCII bytes at a time: a profile is nearly all ASCII, and one test for eight bytes
      // costs C1's code less than eight.
      if (i + 8 <= xml.length
          && (xml[i] | xml[i + 1] | xml[i + 2] | xml[i + 3] | xml[i + 4] | xml[i + 5] | xml[i + 6] | xml[i + 7]) >= 0) {
        i += 8;
        continue;
      }
      int b = xml[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int extra;
      int min;
      if (b >= 0xc2 && b <= 0xdf) {
        extra = 1;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        extra = 2;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        extra = 3;
        min = 0x10000;
      } else {
        throw new PlistFormatException("not valid UTF-8");
      }
      if (i + extra >= xml.length) {
        throw new PlistFormatException("not valid UTF-8");
      }
      int code = b & (0x3f >> extra);
      for (int k = 1; k <= extra; k++) {
        int c = xml[i + k] & 0xff;
        if ((c & 0xc0) != 0x80) {
          throw new PlistFormatException("not valid UTF-8");
        }
        code = (code << 6) | (c & 0x3f);
      }
      if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new PlistFormatException("not valid UTF-8");
      }
      i += extra + 1;
    }
  }

  /**
   * Checks that {@code xml} is well-formed XML of any vocabulary (an API body, say), with the
   * same reader and the same safety as plists: no DTD or entity is read.
   */
  public static void requireWellFormed(byte[] xml) throws PlistFormatException {
    requireUtf8(xml);
    ParseFindings findings = new ParseFindings(List.of());
    XmlScanner scanner = new XmlScanner(xml, findings);
    XmlScanner.Tag root = scanner.root();
    if (root == null || !findings.all().isEmpty()) {
      throw new PlistFormatException("it declares or uses XML entities");
    }
    scanner.skip(root);
    scanner.end();
    if (!findings.all().isEmpty()) {
      throw new PlistFormatException("it uses XML entities");
    }
  }

  /** True when {@code bytes} are a binary property list. */
  public static boolean isBinary(byte[] bytes) {
    return startsWith(bytes, BINARY_MAGIC);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
