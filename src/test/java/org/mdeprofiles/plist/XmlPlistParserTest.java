package org.mdeprofiles.plist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSObject;
import com.dd.plist.XMLPropertyListParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming XML reader: the same values as dd-plist, and well-formedness XML's way. */
class XmlPlistParserTest {
  /** Every XML construct a property list may hold, in the places it may hold them. */
  private static final String EVERY_CONSTRUCT = "<?xml version='1.0' encoding='utf-8' standalone='no'?>\r\n"
      + "<!-- before -->\n<?editor keep?>\n"
      + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
      + "<plist version=\"1.0\">\n<dict>\n\t<!-- a comment -->\n"
      + "\t<key>text</key>\t<string>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233;&#x20AC;\r\nline</string>\n"
      + "\t<key>cdata</key><string><![CDATA[<not> & markup]]> and<!-- hidden --> more<?pi x?></string>\n"
      + "\t<key>empty</key><string/>\n\t<key>emptyPair</key><string></string>\n"
      + "\t<key>unicode \u00e9\u20ac\uD83D\uDE00</key><string>\u00e9\u20ac\uD83D\uDE00</string>\n"
      + "\t<key>numbers</key><array><integer>-42</integer><integer>+7</integer><integer>0x1F</integer>"
      + "<real>1.5</real><real>-2e3</real><real>.5</real></array>\n"
      + "\t<key>bools</key><array><true/><false/><true></true></array>\n"
      + "\t<key>date</key><date>2026-01-02T03:04:05Z</date>\n"
      + "\t<key>data</key><data>\n\tAAECAwQF\n\tBgc=\n\t</data>\n"
      + "\t<key>nested</key><dict><key>inner</key><array><dict/><array/></array></dict>\n"
      + "</dict>\n</plist>\n<!-- after -->\n";

  private static Stream<Path> goldenProfiles() throws Exception {
    return Stream.of("samples/default/expected", "samples/contoso/expected")
        .flatMap(dir -> {
          try {
            return Files.walk(Path.of(dir));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .filter(p -> p.toString().endsWith(".mobileconfig") || p.toString().endsWith(".plist"))
        .sorted();
  }

  /** What dd-plist makes of {@code xml}, through the binary reader, which dd-plist does. */
  private static PlistValue ddPlist(byte[] xml) throws Exception {
    NSObject parsed = XMLPropertyListParser.parse(xml);
    return PlistReader.read(BinaryPropertyListWriter.writeToArray(parsed)).root().orElseThrow();
  }

  private static PlistValue ours(byte[] xml) throws Exception {
    PlistDocument doc = PlistReader.read(xml);
    assertEquals(List.of(), doc.findings());
    return doc.root().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("goldenProfiles")
  void readsEveryGoldenFileAsDdPlistDoes(Path file) throws Exception {
    byte[] xml = Files.readAllBytes(file);
    assertEquals(ddPlist(xml), ours(xml));
  }

  @Test
  void readsEveryXmlConstructAsDdPlistDoes() throws Exception {
    byte[] xml = EVERY_CONSTRUCT.getBytes(StandardCharsets.UTF_8);
    PlistValue value = ours(xml);
    assertEquals(ddPlist(xml), value);
    PlistValue.PlistDict root = (PlistValue.PlistDict) value;
    assertEquals("a <b> & \"c\" 'd' \u00e9\u20ac\nline", root.string("text"));
    assertEquals("<not> & markup and more", root.string("cdata"));
  }

  private static String failure(String xml) {
    return assertThrows(PlistFormatException.class,
        () -> PlistReader.read(xml.getBytes(StandardCharsets.UTF_8))).getMessage();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      <plist><dict></array></plist>                       | 1: </array> where </dict> must come
      <plist><string>a</string></plist><plist/>           | 1: content after the root element
      junk<plist/>                                        | 1: text before the root element
      ` `                                                 | 1: the document has no root element
      <plist><!-- a -- b --><string/></plist>             | 1: '--' inside a comment
      <plist><!-- open                                    | 1: a comment is not closed
      <plist a='1' a='2'/>                                | 1: the attribute a appears twice in <plist>
      <plist a=1/>                                        | 1: an attribute value of <plist> is not quoted
      <plist a='<'/>                                      | 1: '<' in an attribute value of <plist>
      <plist><string>a & b</string></plist>               | 1: '&' that starts no character or entity reference
      <plist><string>a &#1; b</string></plist>            | 1: '&#1;' refers to a character XML does not allow
      <plist><string>a &#xZZ; b</string></plist>          | 1: '&#xZZ;' is not a character reference
      <plist><string>a ]]> b</string></plist>             | 1: ']]>' outside a CDATA section
      <plist><string><![CDATA[open</string></plist>       | 1: a CDATA section is not closed
      <plist><string>a < b</string></plist>               | 1: '<' that starts no element, comment or CDATA section
      <plist/><?xml version='1.0'?>                       | 1: an XML declaration that is not at the very start
      <?xml version='1.0' encoding='ISO-8859-1'?><plist/> | 1: the declared encoding is ISO-8859-1; a property list must be UTF-8
      <?xml encoding='UTF-8'?><plist/>                    | 1: the XML declaration has no version 1.x
      <!DOCTYPE plist [ <!ELEMENT plist ANY> <plist/>     | 1: the DOCTYPE declaration is not closed
      <plist><string attr></string></plist>               | 1: an attribute of <string> has no value
      <plist><string>&#x+41;</string></plist>             | 1: '&#x+41;' is not a character reference
      <plist><string>&#+65;</string></plist>              | 1: '&#+65;' is not a character reference
      <plist><string>&# 65;</string></plist>              | 1: '&# 65;' is not a character reference
      <plist><×a/></plist>                                | 1: '×a' is not an XML name
      <plist a×b='1'/>                                    | 1: 'a×b' is not an XML name
      <?xml version='1.0' standalone='maybe'?><plist/>    | 1: the XML declaration's standalone is not "yes" or "no"
      """)
  void malformedXmlIsRefusedWithTheProblem(String xml, String expected) {
    assertEquals("malformed XML at line " + expected, failure(xml));
  }

  @Test
  void validXmlHostileParsersTripOnIsRead() throws Exception {
    // A processing instruction holding ']' inside the DOCTYPE's internal subset, a name with a
    // letter beyond ASCII, standalone='yes', a hex reference: all XML allows.
    String xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        + "<!DOCTYPE plist [ <?pi a]b?> <!ELEMENT plist ANY> ]>\n"
        + "<plist \u00e9t\u00e9='1'><string>&#x41;&#65;</string></plist>";
    assertEquals(new PlistValue.PlistString("AA"), ours(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anAttributeNamedLikeAnElementLeavesTheElementItsOwnName() throws Exception {
    // The scanner keeps one tag object per plist element name; an attribute's name, read after
    // the element's, must not pick it.
    String xml = "<plist version='1.0'><array><string key='1' dict='2'>a</string><dict array=''/>"
        + "</array></plist>";
    assertEquals(ddPlist(xml.getBytes(StandardCharsets.UTF_8)), ours(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @Timeout(30)
  void aMillionDigitIntegerIsARangeFindingNotAQuadraticParse() throws Exception {
    String digits = "9".repeat(1_000_000);
    PlistDocument doc = PlistReader.read(("<plist><array><integer>" + digits + "</integer><integer>0x"
        + "F".repeat(17) + "</integer><integer>-000000000000000000000000009</integer></array></plist>")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("[0] plist.integer-range", "[1] plist.integer-range"),
        doc.findings().stream().map(f -> f.path() + " " + f.code()).toList());
    assertTrue(doc.findings().get(0).message().length() < 200, "the quoted value is cut");
  }

  @Test
  @Timeout(30)
  void twoHundredThousandAttributesAreCheckedInLinearTime() throws Exception {
    StringBuilder xml = new StringBuilder("<plist");
    for (int i = 0; i < 200_000; i++) {
      xml.append(" a").append(i).append("='1'");
    }
    xml.append("><true/></plist>");
    assertEquals(new PlistValue.PlistBoolean(true), ours(xml.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void malformedXmlNamesTheLine() {
    assertEquals("malformed XML at line 3: </string> where </key> must come",
        failure("<plist>\n<dict>\n<key>a</string></dict></plist>"));
  }

  private static List<String> codes(String xml) throws Exception {
    return PlistReader.read(xml.getBytes(StandardCharsets.UTF_8)).findings().stream()
        .map(f -> f.path() + " " + f.code()).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      <plist><dict><key>d</key><data>not base64!</data></dict></plist>          | d plist.data
      <plist><dict><key>s</key><string>a<b/>c</string></dict></plist>           | s plist.element
      <plist><dict><key>t</key><date>2026-13-01T00:00:00Z</date></dict></plist> | t plist.date
      <plist><array><integer>0x1FFFFFFFFFFFFFFFF</integer></array></plist>      | [0] plist.integer-range
      <plist><dict><key>e</key><string>&undeclared;</string></dict></plist>     | e plist.entity-declared
      <plist><dict><string>k</string><true/></dict></plist>                     | ` plist.dict-structure`
      <plist><dict><key>k</key></dict></plist>                                  | k plist.dict-missing-value
      <plist><string/><string/></plist>                                         | ` plist.root-count`
      <array/>                                                                  | ` plist.root-element`
      """)
  void problemsAnAuthorCanFixAreFindingsAndLeaveNoContent(String xml, String expected) throws Exception {
    assertEquals(List.of(expected), codes(xml));
    assertFalse(PlistReader.read(xml.getBytes(StandardCharsets.UTF_8)).root().isPresent());
  }

  @Test
  void specialRealsAreRead() throws Exception {
    PlistValue.PlistArray values = (PlistValue.PlistArray) ours(
        "<plist><array><real>inf</real><real>-Infinity</real><real>nan</real></array></plist>"
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(new PlistValue.PlistReal(Double.POSITIVE_INFINITY),
        new PlistValue.PlistReal(Double.NEGATIVE_INFINITY), new PlistValue.PlistReal(Double.NaN)), values.items());
  }
}
