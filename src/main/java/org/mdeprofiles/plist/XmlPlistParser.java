package org.mdeprofiles.plist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.XmlScanner.Tag;

/**
 * Reads an XML property list in one streaming pass over its UTF-8 bytes ({@link XmlScanner}
 * checks the XML): builds the values, and reports what plist libraries silently forgive
 * (duplicate keys, integers beyond 64 bits, malformed dates and reals, unknown elements).
 * Problems an author can fix are findings (any error finding other than a duplicate key leaves
 * the document without a root); bytes that are not well-formed XML throw with the line.
 */
final class XmlPlistParser {
  private final XmlScanner xml;
  private final ParseFindings findings;

  private XmlPlistParser(byte[] in, List<Finding> before) {
    findings = new ParseFindings(before);
    xml = new XmlScanner(in, findings);
  }

  /** Parses {@code xml}, valid UTF-8, after the {@code findings} made so far. */
  static PlistDocument parse(byte[] xml, List<Finding> findings) throws PlistFormatException {
    XmlPlistParser parser = new XmlPlistParser(xml, findings);
    PlistValue root = parser.document();
    return new PlistDocument(
        parser.findings.unreliable() ? Optional.empty() : Optional.ofNullable(root), parser.findings.all());
  }

  private PlistValue document() throws PlistFormatException {
    Tag root = xml.root();
    if (root == null) {
      return null;
    }
    PlistValue value = null;
    if (!root.name().equals("plist")) {
      findings.fatal(PlistPath.root(), "plist.root-element", root.name());
      xml.skip(root);
    } else {
      value = plistContent(root);
    }
    xml.end();
    return value;
  }

  private PlistValue plistContent(Tag plist) throws PlistFormatException {
    int before = findings.count();
    List<PlistValue> values = new ArrayList<>(1);
    while (!plist.empty() && xml.nextChild(plist, PlistPath.root())) {
      values.add(value(xml.startTag(), PlistPath.root()));
    }
    if (values.size() != 1) {
      findings.dropFrom(before);
      findings.fatal(PlistPath.root(), "plist.root-count", String.valueOf(values.size()));
      return null;
    }
    return values.get(0);
  }

  private PlistValue value(Tag tag, PlistPath path) throws PlistFormatException {
    switch (tag.name()) {
      case "dict":
        return dict(tag, path);
      case "array":
        return array(tag, path);
      case "string":
        return new PlistValue.PlistString(xml.text(tag, path));
      case "true":
      case "false":
        xml.text(tag, path);
        return new PlistValue.PlistBoolean(tag.name().equals("true"));
      case "integer":
        return PlistScalars.integer(xml.text(tag, path).trim(), path, findings);
      case "real":
        return PlistScalars.real(xml.text(tag, path).trim(), path, findings);
      case "date":
        return PlistScalars.date(xml.text(tag, path).trim(), path, findings);
      case "data":
        return PlistScalars.data(xml.text(tag, path), path, findings);
      default:
        findings.fatal(path, "plist.element", tag.name());
        xml.skip(tag);
        return null;
    }
  }

  private PlistValue dict(Tag dict, PlistPath path) throws PlistFormatException {
    Map<String, PlistValue> entries = new LinkedHashMap<>();
    while (!dict.empty() && xml.nextChild(dict, path)) {
      Tag key = xml.startTag();
      if (!key.name().equals("key")) {
        findings.fatal(path, "plist.dict-structure", key.name());
        xml.skip(key);
        xml.skipRest(dict, path);
        return null;
      }
      String name = xml.text(key, path);
      PlistPath keyPath = path.key(name);
      if (!xml.nextChild(dict, path)) {
        findings.fatal(keyPath, "plist.dict-missing-value");
        return null;
      }
      PlistValue value = value(xml.startTag(), keyPath);
      int before = entries.size();
      entries.put(name, value);  // one lookup: a key already there leaves the size as it was
      if (entries.size() == before) {
        findings.error(keyPath, "plist.duplicate-key", name);
      }
    }
    return findings.unreliable() ? null : new PlistValue.PlistDict(entries);
  }

  private PlistValue array(Tag array, PlistPath path) throws PlistFormatException {
    List<PlistValue> items = new ArrayList<>();
    while (!array.empty() && xml.nextChild(array, path)) {
      items.add(value(xml.startTag(), path.index(items.size())));
    }
    return findings.unreliable() ? null : new PlistValue.PlistArray(items);
  }
}
