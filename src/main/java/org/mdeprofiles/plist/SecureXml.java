package org.mdeprofiles.plist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with external entities, external DTDs and XInclude off, and with
 * a bound on element depth.
 */
final class SecureXml {
  static final int MAX_DEPTH = 256;

  private static final DocumentBuilderFactory FACTORY = newFactory();

  /** A builder per thread, reset between documents: making one costs as much as a parse. */
  private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

  private SecureXml() {}

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a required security feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setAttribute(
        "http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    factory.setIgnoringComments(true);
    return factory;
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Document parse(byte[] xml) throws PlistFormatException {
    DocumentBuilder builder = BUILDER.get();
    builder.reset();
    builder.setErrorHandler(SILENT);
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
    try {
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
        throw new PlistFormatException("nested deeper than " + MAX_DEPTH + " levels");
      }
      throw new PlistFormatException(
          "malformed XML at line " + e.getLineNumber() + ": " + oneLine(e.getMessage()));
    } catch (SAXException | IOException e) {
      throw new PlistFormatException("malformed XML: " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String message) {
    return message == null ? "unknown parser error" : message.replaceAll("\\s+", " ").trim();
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
