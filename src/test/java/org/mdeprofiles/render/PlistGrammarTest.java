package org.mdeprofiles.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Every golden profile is valid against the property-list DTD grammar. */
class PlistGrammarTest {
  private static final String APPLE_PUBLIC_ID = "-//Apple//DTD PLIST 1.0//EN";

  @Test
  void goldenProfilesFollowThePlistDtd() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("samples"))) {
      files = walk.filter(p -> p.toString().endsWith(".mobileconfig")).sorted().toList();
    }
    assertEquals(true, files.size() >= 2, "golden profiles found: " + files);
    for (Path file : files) {
      assertEquals(List.of(), dtdErrors(Files.readAllBytes(file)), file.toString());
    }
  }

  @Test
  void theGrammarCatchesAStrayElement() throws Exception {
    String bad = "<?xml version=\"1.0\"?>\n<!DOCTYPE plist PUBLIC \"" + APPLE_PUBLIC_ID + "\" \"x\">\n"
        + "<plist version=\"1.0\"><dict><key>a</key><bool/></dict></plist>";
    assertEquals(2, dtdErrors(bad.getBytes(StandardCharsets.UTF_8)).size());
  }

  static List<String> dtdErrors(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setValidating(true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setEntityResolver((publicId, systemId) -> {
      if (!APPLE_PUBLIC_ID.equals(publicId)) {
        throw new AssertionError("unexpected DTD " + publicId + " " + systemId);
      }
      InputStream dtd = PlistGrammarTest.class.getResourceAsStream("/org/mdeprofiles/plist-grammar.dtd");
      return new InputSource(dtd);
    });
    List<String> errors = new ArrayList<>();
    builder.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        errors.add("warning: " + e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        errors.add("fatal: " + e.getMessage());
      }
    });
    builder.parse(new ByteArrayInputStream(xml));
    return errors;
  }
}
