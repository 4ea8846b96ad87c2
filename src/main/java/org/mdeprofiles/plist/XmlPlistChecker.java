package org.mdeprofiles.plist;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks what a plist library silently forgives in XML: duplicate dictionary keys, integers
 * outside 64 bits, malformed dates and reals, unknown elements, declared entities.
 */
final class XmlPlistChecker {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+|0[xX][0-9a-fA-F]+");
  private static final Pattern DATE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
  private static final Pattern REAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(inf|infinity|nan)",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> SCALARS =
      Set.of("string", "integer", "real", "true", "false", "date", "data");

  private final List<Finding> findings = new ArrayList<>();
  private boolean contentUnreliable;

  /** Findings about {@code document}; {@link #contentUnreliable()} tells if parsing should stop. */
  static XmlPlistChecker check(Document document) {
    XmlPlistChecker checker = new XmlPlistChecker();
    checker.checkDoctype(document.getDoctype());
    if (!checker.contentUnreliable) {
      checker.checkRoot(document.getDocumentElement());
    }
    return checker;
  }

  List<Finding> findings() {
    return findings;
  }

  boolean contentUnreliable() {
    return contentUnreliable;
  }

  private void checkDoctype(DocumentType doctype) {
    if (doctype == null) {
      return;
    }
    boolean entities = doctype.getEntities() != null && doctype.getEntities().getLength() > 0;
    String subset = doctype.getInternalSubset();
    if (entities || (subset != null && subset.contains("<!ENTITY"))) {
      fatal(PlistPath.root(), "plist.entity-declared");
    }
  }

  private void checkRoot(Element root) {
    if (!"plist".equals(root.getTagName())) {
      fatal(PlistPath.root(), "plist.root-element", root.getTagName());
      return;
    }
    List<Element> children = elements(root);
    if (children.size() != 1) {
      fatal(PlistPath.root(), "plist.root-count", String.valueOf(children.size()));
      return;
    }
    checkValue(children.get(0), PlistPath.root());
  }

  private void checkValue(Element element, PlistPath path) {
    String name = element.getTagName();
    switch (name) {
      case "dict" -> checkDict(element, path);
      case "array" -> {
        List<Element> items = elements(element);
        for (int i = 0; i < items.size(); i++) {
          checkValue(items.get(i), path.index(i));
        }
      }
      case "integer" -> checkInteger(element.getTextContent().trim(), path);
      case "date" -> {
        if (!DATE.matcher(element.getTextContent().trim()).matches()) {
          fatal(path, "plist.date", element.getTextContent().trim());
        }
      }
      case "real" -> {
        if (!REAL.matcher(element.getTextContent().trim()).matches()) {
          fatal(path, "plist.real", element.getTextContent().trim());
        }
      }
      default -> {
        if (!SCALARS.contains(name)) {
          fatal(path, "plist.element", name);
        } else if (hasEntityReference(element)) {
          fatal(path, "plist.entity-declared");
        }
      }
    }
  }

  private void checkDict(Element dict, PlistPath path) {
    List<Element> children = elements(dict);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < children.size(); i += 2) {
      Element key = children.get(i);
      if (!"key".equals(key.getTagName())) {
        fatal(path, "plist.dict-structure", key.getTagName());
        return;
      }
      String name = key.getTextContent();
      if (i + 1 >= children.size()) {
        fatal(path.key(name), "plist.dict-missing-value");
        return;
      }
      if (!seen.add(name)) {
        findings.add(Finding.error(path.key(name), "plist.duplicate-key", name));
      }
      checkValue(children.get(i + 1), path.key(name));
    }
  }

  private void checkInteger(String text, PlistPath path) {
    if (!INTEGER.matcher(text).matches()) {
      fatal(path, "plist.integer", text);
      return;
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return;
    }
    BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    if (!PlistValue.PlistInteger.fits(value)) {
      fatal(path, "plist.integer-range", text);
    }
  }

  private static boolean hasEntityReference(Element element) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
        return true;
      }
    }
    return false;
  }

  private void fatal(PlistPath path, String code, Object... args) {
    findings.add(Finding.error(path, code, args));
    contentUnreliable = true;
  }

  private static List<Element> elements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }
}
