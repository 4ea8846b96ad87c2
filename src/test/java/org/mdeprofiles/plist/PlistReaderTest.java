package org.mdeprofiles.plist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.finding.Finding;

class PlistReaderTest {
  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private static PlistDocument read(String xml) throws PlistFormatException {
    return PlistReader.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> codes(PlistDocument doc) {
    return doc.findings().stream().map(f -> f.path() + " " + f.code()).toList();
  }

  private static String failure(byte[] bytes) {
    return assertThrows(PlistFormatException.class, () -> PlistReader.read(bytes)).getMessage();
  }

  @Test
  void readsValuesInOrder() throws Exception {
    PlistDocument doc = read(HEAD + "<plist version=\"1.0\"><dict><key>b</key><integer>-5</integer>"
        + "<key>a</key><array><true/><real>1.5</real><date>2026-01-02T03:04:05Z</date>"
        + "<data>AAEC</data></array></dict></plist>");
    PlistValue.PlistDict root = (PlistValue.PlistDict) doc.root().orElseThrow();
    assertEquals(List.of("b", "a"), List.copyOf(root.entries().keySet()));
    assertEquals(new PlistValue.PlistInteger(BigInteger.valueOf(-5)), root.get("b"));
    List<PlistValue> items = ((PlistValue.PlistArray) root.get("a")).items();
    assertEquals(new PlistValue.PlistBoolean(true), items.get(0));
    assertEquals(new PlistValue.PlistReal(1.5), items.get(1));
    assertEquals(new PlistValue.PlistDate("2026-01-02T03:04:05Z"), items.get(2));
    assertEquals(new PlistValue.PlistData(new byte[] {0, 1, 2}), items.get(3));
    assertEquals(List.of(), doc.findings());
  }

  @Test
  void emptyFileThrows() {
    assertEquals("file is empty", failure(new byte[0]));
  }

  @Test
  void invalidUtf8Throws() {
    byte[] bytes = (HEAD + "<plist><string>x</string></plist>").getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 20] = (byte) 0xFF;
    assertEquals("not valid UTF-8", failure(bytes));
  }

  @Test
  void malformedXmlThrowsWithLine() {
    assertEquals(
        "malformed XML at line 2: the document ends inside <dict>",
        failure((HEAD + "<plist><dict><key>a</key>").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void byteOrderMarkIsAnErrorFindingButStillParses() throws Exception {
    byte[] xml = (HEAD + "<plist><dict/></plist>").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[xml.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(xml, 0, bytes, 3, xml.length);
    PlistDocument doc = PlistReader.read(bytes);
    assertEquals(List.of(" plist.bom"), codes(doc));
    assertTrue(doc.root().isPresent());
  }

  @Test
  void externalEntityIsReportedAndNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    PlistDocument doc = read(HEAD + "<!DOCTYPE plist [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<plist><dict><key>k</key><string>&x;</string></dict></plist>");
    assertEquals(List.of(" plist.entity-declared"), codes(doc));
    assertTrue(doc.root().isEmpty());
    assertFalse(doc.toString().contains("TOP-SECRET"));
  }

  @Test
  void externalDtdIsNotLoaded(@TempDir Path dir) throws Exception {
    Path dtd = dir.resolve("evil.dtd");
    Files.writeString(dtd, "<!ENTITY x \"FROM-THE-DTD\">");
    PlistDocument doc = read(HEAD + "<!DOCTYPE plist SYSTEM \"" + dtd.toUri() + "\">"
        + "<plist><dict><key>k</key><string>&x;</string></dict></plist>");
    assertEquals(List.of("k plist.entity-declared"), codes(doc));
    assertFalse(doc.toString().contains("FROM-THE-DTD"));
  }

  @Test
  void entityExpansionBombIsReportedQuickly() {
    StringBuilder dtd = new StringBuilder("<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 12; i++) {
      dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String xml = HEAD + "<!DOCTYPE plist [" + dtd + "]><plist><string>&a11;</string></plist>";
    PlistDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(xml));
    assertEquals(List.of(" plist.entity-declared"), codes(doc));
  }

  @Test
  void deepNestingIsRefused() {
    String xml = "<plist>" + "<array>".repeat(10_000) + "</array>".repeat(10_000) + "</plist>";
    assertEquals("nested deeper than 256 levels", failure(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void integerBeyond64BitsIsAFinding() throws Exception {
    PlistDocument doc = read("<plist><dict><key>n</key><integer>9223372036854775808</integer></dict></plist>");
    assertEquals(List.of("n plist.integer-range"), codes(doc));
    assertTrue(doc.root().isEmpty());
  }

  @Test
  void invalidDateAndNonNumbersAreFindings() throws Exception {
    PlistDocument doc = read("<plist><array><date>yesterday</date><integer>1x</integer>"
        + "<real>fast</real><foo/></array></plist>");
    assertEquals(List.of("[0] plist.date", "[1] plist.integer", "[2] plist.real", "[3] plist.element"),
        codes(doc));
  }

  @Test
  void duplicateKeysAreFoundWithTheirPath() throws Exception {
    PlistDocument doc = read("<plist><dict><key>a</key><dict><key>b</key><true/><key>b</key><false/>"
        + "</dict></dict></plist>");
    assertEquals(List.of("a.b plist.duplicate-key"), codes(doc));
    Finding f = doc.findings().get(0);
    assertEquals("the key b appears more than once in this dictionary; macOS keeps only one of its values",
        f.message());
  }

  @Test
  void binaryPlistReads() throws Exception {
    NSDictionary dict = new NSDictionary();
    dict.put("PayloadType", "Configuration");
    dict.put("List", new NSArray(new com.dd.plist.NSNumber(1), new com.dd.plist.NSNumber(true)));
    byte[] bytes = BinaryPropertyListWriter.writeToArray(dict);
    PlistValue.PlistDict root = (PlistValue.PlistDict) PlistReader.read(bytes).root().orElseThrow();
    assertEquals("Configuration", root.string("PayloadType"));
  }

  @Test
  void truncatedBinaryPlistThrows() throws IOException {
    NSDictionary dict = new NSDictionary();
    dict.put("PayloadType", "Configuration");
    byte[] bytes = BinaryPropertyListWriter.writeToArray(dict);
    assertEquals("not a valid binary property list (shorter than its header and trailer)",
        failure(Arrays.copyOf(bytes, bytes.length / 2)));
    assertEquals("not a valid binary property list (its trailer gives impossible sizes)",
        failure(Arrays.copyOf(bytes, bytes.length - 1)));
  }

  /**
   * A binary plist of the given objects (each its encoded bytes, references one byte wide),
   * the first one the root.
   */
  private static byte[] bplist(byte[]... objects) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes("bplist00".getBytes(StandardCharsets.US_ASCII));
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = out.size();
      out.writeBytes(objects[i]);
    }
    int table = out.size();
    for (int offset : offsets) {
      out.write(offset >> 8);
      out.write(offset);
    }
    byte[] trailer = new byte[32];
    trailer[6] = 2; // offset size
    trailer[7] = 1; // reference size
    trailer[15] = (byte) objects.length;
    trailer[24 + 6] = (byte) (table >> 8);
    trailer[24 + 7] = (byte) table;
    out.writeBytes(trailer);
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void sharedReferencesThatExpandBeyondBoundsAreRefused() {
    // Object i is an array of ten references to object i + 1; the last is true: 10^9 values.
    byte[][] objects = new byte[10][];
    for (int i = 0; i < 9; i++) {
      objects[i] = bytes(0xAA, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1);
    }
    objects[9] = bytes(0x09);
    assertEquals("not a usable binary property list (it expands to more than 500000 values)",
        failure(bplist(objects)));
  }

  @Test
  void aCountBeyondTheFileAndACycleAreRefused() {
    assertEquals("not a valid binary property list (an object runs past the end of its data)",
        failure(bplist(bytes(0xAF, 0x12, 0x7F, 0xFF, 0xFF, 0xFF, 0x01))));
    assertEquals("not a valid binary property list (an object contains itself)",
        failure(bplist(bytes(0xA1, 0x00))));
  }

  @Test
  void binaryDuplicateKeysAndWideIntegersAreFindings() throws Exception {
    // {"k": 1, "k": 2}: the key object shared by both entries.
    PlistDocument dup = PlistReader.read(bplist(bytes(0xD2, 1, 1, 2, 3), bytes(0x51, 'k'), bytes(0x10, 1),
        bytes(0x10, 2)));
    assertEquals(List.of("k plist.duplicate-key"), codes(dup));
    // [2^64 + 1] as a 16-byte integer: beyond 64 bits, not read as 1.
    byte[] wide = new byte[17];
    wide[0] = 0x14;
    wide[8] = 1;
    wide[16] = 1;
    PlistDocument big = PlistReader.read(bplist(bytes(0xA1, 1), wide));
    assertEquals(List.of("[0] plist.integer-range"), codes(big));
    assertEquals("18446744073709551617 is outside the 64-bit integer range", big.findings().get(0).message());
    assertFalse(big.root().isPresent());
    // 2^63 - 1 written as a 16-byte integer is in range, as in XML.
    byte[] widest = new byte[17];
    widest[0] = 0x14;
    widest[9] = 0x7F;
    Arrays.fill(widest, 10, 17, (byte) 0xFF);
    assertEquals(new PlistValue.PlistArray(List.of(new PlistValue.PlistInteger(BigInteger.valueOf(Long.MAX_VALUE)))),
        PlistReader.read(bplist(bytes(0xA1, 1), widest)).root().orElseThrow());
  }

  @Test
  void randomBytesThrow() {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    assertEquals("not valid UTF-8", failure(bytes));
  }

  @Test
  void controlCharacterInXmlIsMalformed() {
    String message = failure("<plist><string>a\u0001b</string></plist>".getBytes(StandardCharsets.UTF_8));
    assertEquals("malformed XML at line 1: the character U+0001 is not allowed in XML", message);
  }

  @Test
  void deeplyNestedBinaryPlistIsRefused() throws IOException {
    NSArray inner = new NSArray(0);
    for (int i = 0; i < 300; i++) {
      inner = new NSArray(inner);
    }
    byte[] bytes = BinaryPropertyListWriter.writeToArray(inner);
    assertEquals("nested deeper than 256 levels", failure(bytes));
  }

  @Test
  void utf8IsCheckedStrictly() throws Exception {
    byte[] prefix = "<plist><string>".getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "</string></plist>".getBytes(StandardCharsets.UTF_8);
    for (byte[] bad : new byte[][] {
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80,
        (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}}) {
      byte[] doc = new byte[prefix.length + bad.length + suffix.length];
      System.arraycopy(prefix, 0, doc, 0, prefix.length);
      System.arraycopy(bad, 0, doc, prefix.length, bad.length);
      System.arraycopy(suffix, 0, doc, prefix.length + bad.length, suffix.length);
      assertEquals("not valid UTF-8", failure(doc), Arrays.toString(bad));
    }
    assertEquals("not valid UTF-8", failure(new byte[] {'<', (byte) 0xE2, (byte) 0x82}));
    PlistDocument ok = read("<plist><string>\u20ac \uD83D\uDE00 \u00e9</string></plist>");
    assertEquals(new PlistValue.PlistString("\u20ac \uD83D\uDE00 \u00e9"), ok.root().orElseThrow());
  }
}
