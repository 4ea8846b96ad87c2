package org.mdeprofiles.plist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The project's streaming XML reader and Woodstox, an independent XML parser, agree on what is
 * well-formed: over every golden file, thousands of byte-level mutations of them, and the hostile
 * corpus. Where Woodstox finds the XML malformed, ours refuses it too; where Woodstox accepts it,
 * ours does not call it malformed. Entities count as refused on both sides (ours never expands
 * one: the document is reported and not read), and refusals that are plist rules rather than XML
 * (UTF-8 only, 256 levels of nesting) are left out.
 */
class WoodstoxAgreementTest {
  private enum Verdict {
    WELL_FORMED,
    MALFORMED,
    ENTITY,
    NOT_COMPARED
  }

  private static final byte[] SIGNIFICANT = "<>&;\"'/!?[]-=# \n:x".getBytes(StandardCharsets.US_ASCII);

  private static String lastWoodstoxError = "";
  private static String lastOurError = "";

  private static XMLInputFactory woodstox() {
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    // The DOCTYPE is checked for syntax, not processed: like ours, Woodstox then reads nothing it
    // names (the Apple DTD is on the web) and expands no entity.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_VALIDATING, false);
    // The Apple DOCTYPE names a DTD on the web: it is read as empty, never fetched.
    f.setXMLResolver((publicId, systemId, base, namespace) -> new ByteArrayInputStream(new byte[0]));
    return f;
  }

  private static Verdict theirs(XMLInputFactory factory, byte[] xml) {
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      boolean entity = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.ENTITY_REFERENCE
            || (event == XMLStreamConstants.DTD && r.getText().contains("<!ENTITY"))) {
          entity = true;
        }
      }
      return entity ? Verdict.ENTITY : Verdict.WELL_FORMED;
    } catch (XMLStreamException | RuntimeException e) {
      lastWoodstoxError = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return Verdict.MALFORMED;
    }
  }

  private static Verdict ours(byte[] xml) {
    try {
      PlistDocument doc = PlistReader.read(xml);
      return doc.findings().stream().anyMatch(f -> f.code().equals("plist.entity-declared"))
          ? Verdict.ENTITY : Verdict.WELL_FORMED;
    } catch (PlistFormatException e) {
      String m = e.getMessage();
      lastOurError = m;
      if (m.startsWith("malformed XML") && !m.contains("encoding") && !m.contains("no version 1.x")) {
        return Verdict.MALFORMED;
      }
      return Verdict.NOT_COMPARED; // a plist rule, not XML's: UTF-8 only, nesting, size, binary
    }
  }

  private static List<byte[]> corpus() throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (String root : List.of("samples/default/expected", "samples/contoso/expected",
        "src/test/resources/org/mdeprofiles/fuzz/InputFuzzTestInputs/xmlPlist")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".mobileconfig") || name.endsWith(".plist") || !name.contains(".")) {
            out.add(Files.readAllBytes(p));
          }
        }
      }
    }
    return out;
  }

  @Test
  void bothParsersCallTheSameDocumentsMalformed() throws Exception {
    XMLInputFactory factory = woodstox();
    Random random = new Random(20261201);
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    int malformed = 0;
    for (byte[] original : corpus()) {
      for (int i = 0; i <= 300; i++) {
        byte[] xml = i == 0 ? original : mutate(original, random);
        Verdict ours = ours(xml);
        Verdict theirs = theirs(factory, xml);
        if (ours == Verdict.NOT_COMPARED || ours == Verdict.ENTITY || theirs == Verdict.ENTITY) {
          continue;
        }
        compared++;
        malformed += theirs == Verdict.MALFORMED ? 1 : 0;
        if (ours != theirs && disagreements.size() < 5) {
          disagreements.add("ours " + ours + " (" + lastOurError + "), Woodstox " + theirs + " ("
              + lastWoodstoxError + ")");
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(compared > 3000 && malformed > 1000, compared + " compared, " + malformed + " malformed");
  }

  /** One edit: a byte changed to an XML-significant one, deleted, or inserted. */
  private static byte[] mutate(byte[] in, Random random) {
    int at = random.nextInt(in.length);
    byte b = SIGNIFICANT[random.nextInt(SIGNIFICANT.length)];
    return switch (random.nextInt(3)) {
      case 0 -> {
        byte[] out = in.clone();
        out[at] = b;
        yield out;
      }
      case 1 -> {
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
        yield out;
      }
      default -> {
        byte[] out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(in, at, out, at + 1, in.length - at);
        yield out;
      }
    };
  }
}
