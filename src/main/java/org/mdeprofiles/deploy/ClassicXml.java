package org.mdeprofiles.deploy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Classic API's XML, read with the JDK's parser hardened for untrusted input: no DTD, no
 * external entity, nothing fetched.
 */
final class ClassicXml {
  private final Element root;

  private ClassicXml(Element root) {
    this.root = root;
  }

  static ClassicXml parse(byte[] xml, String what) throws DeployException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document doc = builder.parse(new ByteArrayInputStream(xml));
      return new ClassicXml(doc.getDocumentElement());
    } catch (Exception e) {
      throw new DeployException(what + ": not the XML the Classic API answers with");
    }
  }

  String rootName() {
    return root.getTagName();
  }

  /** The text of the first element at {@code path} (names separated by /), if there is one. */
  Optional<String> text(String path) {
    return element(root, path).map(Node::getTextContent);
  }

  /** The names of the computer groups a profile is scoped to (scope/computer_groups). */
  List<String> groupNames() {
    List<String> out = new ArrayList<>();
    for (ClassicXml g : children("scope/computer_groups", "computer_group")) {
      g.text("name").ifPresent(out::add);
    }
    return out;
  }

  /** Every element named {@code name} directly under the element at {@code path}. */
  List<ClassicXml> children(String path, String name) {
    List<ClassicXml> out = new ArrayList<>();
    Optional<Element> parent = path.isEmpty() ? Optional.of(root) : element(root, path);
    if (parent.isEmpty()) {
      return out;
    }
    NodeList nodes = parent.get().getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        out.add(new ClassicXml(e));
      }
    }
    return out;
  }

  private static Optional<Element> element(Element from, String path) {
    Element at = from;
    for (String name : path.split("/")) {
      Element next = null;
      NodeList nodes = at.getChildNodes();
      for (int i = 0; i < nodes.getLength() && next == null; i++) {
        if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
          next = e;
        }
      }
      if (next == null) {
        return Optional.empty();
      }
      at = next;
    }
    return Optional.of(at);
  }
}
