package org.mdeprofiles.plist;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/**
 * Reads an XML property list in one streaming pass over its UTF-8 bytes: checks that it is
 * well-formed XML, builds the values, and reports what plist libraries silently forgive
 * (duplicate keys, integers beyond 64 bits, malformed dates and reals, unknown elements).
 *
 * <p>Nothing is ever loaded or expanded: a DTD is skipped, and a document that declares or uses an
 * entity other than XML's five gets a finding and no content. Problems an author can fix are
 * findings (any error finding other than a duplicate key leaves the document without a root);
 * bytes that are not well-formed XML throw with the line.
 */
final class XmlPlistParser {
  static final int MAX_DEPTH = 256;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+|0[xX][0-9a-fA-F]+");
  private static final Pattern DATE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
  private static final Pattern REAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  /** The declaration nearly every property list starts with, checked without a pattern. */
  private static final String USUAL_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  /** The element names of property lists, so that reading one makes no new string. */
  private static final String[] NAMES =
      {"key", "string", "dict", "array", "integer", "true", "false", "real", "date", "data", "plist"};
  private static final Pattern VERSION = Pattern.compile("<\\?xml\\s+version\\s*=\\s*([\"'])1\\.[0-9]+\\1");
  private static final Pattern ENCODING = Pattern.compile("\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private final byte[] in;
  private int pos;
  private int depth;
  private final List<Finding> findings;
  private boolean unreliable;
  private final StringBuilder text = new StringBuilder();

  private XmlPlistParser(byte[] in, List<Finding> findings) {
    this.in = in;
    this.findings = findings;
  }

  /** Parses {@code xml}, valid UTF-8, after the {@code findings} made so far. */
  static PlistDocument parse(byte[] xml, List<Finding> findings) throws PlistFormatException {
    XmlPlistParser parser = new XmlPlistParser(xml, new ArrayList<>(findings));
    PlistValue root = parser.document();
    return new PlistDocument(
        parser.unreliable ? Optional.empty() : Optional.ofNullable(root), parser.findings);
  }

  // ---- document structure -------------------------------------------------------------------

  private PlistValue document() throws PlistFormatException {
    if (startsWith("<?xml") && pos + 5 < in.length && isSpace(in[pos + 5])) {
      xmlDeclaration();
    }
    misc();
    if (startsWith("<!DOCTYPE")) {
      if (!doctype()) {
        return null;
      }
      misc();
    }
    if (pos >= in.length) {
      throw malformed("the document has no root element");
    }
    if (in[pos] != '<' || !isNameStart(at(pos + 1))) {
      throw malformed("text before the root element");
    }
    Tag root = startTag();
    PlistValue value = null;
    if (!root.name.equals("plist")) {
      fatal(PlistPath.root(), "plist.root-element", root.name);
      skip(root);
    } else {
      value = plistContent(root);
    }
    misc();
    if (pos < in.length) {
      throw malformed("content after the root element");
    }
    return value;
  }

  private PlistValue plistContent(Tag plist) throws PlistFormatException {
    int before = findings.size();
    List<PlistValue> values = new ArrayList<>(1);
    while (!plist.empty && nextChild(plist, PlistPath.root())) {
      values.add(value(startTag(), PlistPath.root()));
    }
    if (values.size() != 1) {
      findings.subList(before, findings.size()).clear();
      fatal(PlistPath.root(), "plist.root-count", String.valueOf(values.size()));
      return null;
    }
    return values.get(0);
  }

  private PlistValue value(Tag tag, PlistPath path) throws PlistFormatException {
    switch (tag.name) {
      case "dict":
        return dict(tag, path);
      case "array":
        return array(tag, path);
      case "string":
        return new PlistValue.PlistString(text(tag, path));
      case "true":
      case "false":
        text(tag, path);
        return new PlistValue.PlistBoolean(tag.name.equals("true"));
      case "integer":
        return integer(text(tag, path).trim(), path);
      case "real":
        return real(text(tag, path).trim(), path);
      case "date":
        return date(text(tag, path).trim(), path);
      case "data":
        return data(text(tag, path), path);
      default:
        fatal(path, "plist.element", tag.name);
        skip(tag);
        return null;
    }
  }

  private PlistValue dict(Tag dict, PlistPath path) throws PlistFormatException {
    Map<String, PlistValue> entries = new LinkedHashMap<>();
    while (!dict.empty && nextChild(dict, path)) {
      Tag key = startTag();
      if (!key.name.equals("key")) {
        fatal(path, "plist.dict-structure", key.name);
        skip(key);
        skipRest(dict, path);
        return null;
      }
      String name = text(key, path);
      PlistPath keyPath = path.key(name);
      if (!nextChild(dict, path)) {
        fatal(keyPath, "plist.dict-missing-value");
        return null;
      }
      PlistValue value = value(startTag(), keyPath);
      if (entries.containsKey(name)) {
        findings.add(Finding.error(keyPath, "plist.duplicate-key", name));
      }
      entries.put(name, value);
    }
    return unreliable ? null : new PlistValue.PlistDict(entries);
  }

  private PlistValue array(Tag array, PlistPath path) throws PlistFormatException {
    List<PlistValue> items = new ArrayList<>();
    while (!array.empty && nextChild(array, path)) {
      items.add(value(startTag(), path.index(items.size())));
    }
    return unreliable ? null : new PlistValue.PlistArray(items);
  }

  // ---- scalar values ------------------------------------------------------------------------

  private PlistValue integer(String digits, PlistPath path) {
    if (isShortDecimal(digits)) {
      return new PlistValue.PlistInteger(BigInteger.valueOf(Long.parseLong(digits)));
    }
    if (!INTEGER.matcher(digits).matches()) {
      fatal(path, "plist.integer", digits);
      return null;
    }
    boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
    BigInteger value = hex
        ? new BigInteger(digits.substring(2), 16)
        : new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
    if (!PlistValue.PlistInteger.fits(value)) {
      fatal(path, "plist.integer-range", digits);
      return null;
    }
    return new PlistValue.PlistInteger(value);
  }

  /** Up to 18 digits, optionally after a minus: always a long, so no pattern or BigInteger parse. */
  private static boolean isShortDecimal(String s) {
    int from = s.startsWith("-") ? 1 : 0;
    if (s.length() == from || s.length() - from > 18) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private PlistValue real(String digits, PlistPath path) {
    String lower = digits.toLowerCase(java.util.Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    double sign = lower.startsWith("-") ? -1 : 1;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return new PlistValue.PlistReal(sign * Double.POSITIVE_INFINITY);
    }
    if (unsigned.equals("nan")) {
      return new PlistValue.PlistReal(Double.NaN);
    }
    if (!REAL.matcher(digits).matches()) {
      fatal(path, "plist.real", digits);
      return null;
    }
    return new PlistValue.PlistReal(Double.parseDouble(digits));
  }

  private PlistValue date(String iso, PlistPath path) {
    if (DATE.matcher(iso).matches()) {
      try {
        return new PlistValue.PlistDate(Instant.parse(iso).toString());
      } catch (DateTimeParseException e) {
        // Fields out of range (month 13): the same finding as any other bad date.
      }
    }
    fatal(path, "plist.date", iso);
    return null;
  }

  private PlistValue data(String base64, PlistPath path) {
    StringBuilder compact = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        compact.append(c);
      }
    }
    try {
      return new PlistValue.PlistData(Base64.getDecoder().decode(compact.toString()));
    } catch (IllegalArgumentException e) {
      fatal(path, "plist.data");
      return null;
    }
  }

  // ---- XML: content -------------------------------------------------------------------------

  /**
   * Moves to the next child element of the container {@code parent}, skipping whitespace,
   * comments and processing instructions; false, with the end tag read, when there is none.
   */
  private boolean nextChild(Tag parent, PlistPath path) throws PlistFormatException {
    while (true) {
      if (pos >= in.length) {
        throw malformed("the document ends inside <" + parent.name + ">");
      }
      byte b = in[pos];
      if (b == '<') {
        if (at(pos + 1) == '/') {
          endTag(parent);
          return false;
        }
        if (isNameStart(at(pos + 1))) {
          return true;
        }
        markup(path, null);
      } else if (b == '&') {
        reference(path, null);
      } else {
        contentCharacter();
      }
    }
  }

  /** The text of {@code tag} up to its end tag; a child element in it is a finding. */
  private String text(Tag tag, PlistPath path) throws PlistFormatException {
    if (tag.empty) {
      return "";
    }
    int start = pos;
    plainRun();
    if (pos < in.length && in[pos] == '<' && at(pos + 1) == '/') {
      String plain = new String(in, start, pos - start, StandardCharsets.UTF_8);
      endTag(tag);
      return plain;
    }
    text.setLength(0);
    text.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
    return slowText(tag, path);
  }

  private String slowText(Tag tag, PlistPath path) throws PlistFormatException {
    while (true) {
      if (pos >= in.length) {
        throw malformed("the document ends inside <" + tag.name + ">");
      }
      byte b = in[pos];
      if (b == '<') {
        if (at(pos + 1) == '/') {
          String done = text.toString();
          endTag(tag);
          return done;
        }
        if (isNameStart(at(pos + 1))) {
          Tag child = startTag();
          fatal(path, "plist.element", child.name);
          skip(child);
        } else {
          markup(path, text);
        }
      } else if (b == '&') {
        reference(path, text);
      } else if (b == '\r') {
        text.append('\n');
        pos += at(pos + 1) == '\n' ? 2 : 1;
      } else {
        int start = pos;
        contentCharacter();
        plainRun();
        text.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
      }
    }
  }

  /** Moves over text that needs no checking or decoding: no markup, references, CR or controls. */
  private void plainRun() {
    while (pos < in.length) {
      byte b = in[pos];
      if (b == '<' || b == '&' || b == '\r' || b == ']' || (b >= 0 && b < 0x20) || b == (byte) 0xEF) {
        return;
      }
      pos++;
    }
  }

  /** Consumes one character of element content, where {@code ]]>} may not appear. */
  private void contentCharacter() throws PlistFormatException {
    if (startsWith("]]>")) {
      throw malformed("']]>' outside a CDATA section");
    }
    character();
  }

  /** Consumes one character of text, refusing what XML does not allow in content. */
  private void character() throws PlistFormatException {
    byte b = in[pos];
    if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
      throw malformed(String.format("the character U+%04X is not allowed in XML", (int) b));
    }
    if (b == (byte) 0xEF && at(pos + 1) == (byte) 0xBF && (at(pos + 2) == (byte) 0xBE || at(pos + 2) == (byte) 0xBF)) {
      throw malformed("the character U+FFF" + (at(pos + 2) == (byte) 0xBE ? "E" : "F") + " is not allowed in XML");
    }
    pos += b >= 0 ? 1 : utf8Length(b);
  }

  /**
   * A comment, processing instruction or CDATA section at {@code <}; CDATA text goes to
   * {@code out} when there is one. Anything else there is malformed.
   */
  private void markup(PlistPath path, StringBuilder out) throws PlistFormatException {
    if (startsWith("<!--")) {
      comment();
    } else if (startsWith("<?")) {
      processingInstruction();
    } else if (startsWith("<![CDATA[")) {
      int start = pos + 9;
      int end = indexOf("]]>", start);
      if (end < 0) {
        throw malformed("a CDATA section is not closed");
      }
      for (pos = start; pos < end; ) {
        if (in[pos] == '\r') {
          if (out != null) {
            out.append('\n');
          }
          pos += at(pos + 1) == '\n' ? 2 : 1;
        } else {
          int from = pos;
          character();
          if (out != null) {
            out.append(new String(in, from, pos - from, StandardCharsets.UTF_8));
          }
        }
      }
      pos = end + 3;
    } else {
      throw malformed("'<' that starts no element, comment or CDATA section");
    }
  }

  /**
   * A character or entity reference at {@code &}, its text appended to {@code out} when there is
   * one. An entity other than XML's five is never expanded: it is a finding.
   */
  private void reference(PlistPath path, StringBuilder out) throws PlistFormatException {
    int end = pos + 1;
    while (end < in.length && end - pos <= 40 && in[end] != ';') {
      end++;
    }
    if (end >= in.length || in[end] != ';') {
      throw malformed("'&' that starts no character or entity reference");
    }
    String name = new String(in, pos + 1, end - pos - 1, StandardCharsets.UTF_8);
    pos = end + 1;
    String value = switch (name) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> name.startsWith("#") ? characterReference(name) : null;
    };
    if (value == null) {
      if (!isName(name)) {
        throw malformed("'&" + name + ";' is not a character or entity reference");
      }
      fatal(path, "plist.entity-declared");
    } else if (out != null) {
      out.append(value);
    }
  }

  private String characterReference(String name) throws PlistFormatException {
    int code;
    try {
      code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
    } catch (NumberFormatException e) {
      throw malformed("'&" + name + ";' is not a character reference");
    }
    boolean allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
        || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
    if (!allowed || name.startsWith("#x-") || name.startsWith("#-") || name.startsWith("#+")) {
      throw malformed("'&" + name + ";' refers to a character XML does not allow");
    }
    return Character.toString(code);
  }

  /** Skips the rest of {@code tag}, checking only that it is well-formed. */
  private void skip(Tag tag) throws PlistFormatException {
    if (!tag.empty) {
      skipRest(tag, PlistPath.root());
    }
  }

  private void skipRest(Tag tag, PlistPath path) throws PlistFormatException {
    while (nextChild(tag, path)) {
      skip(startTag());
    }
  }

  // ---- XML: tags ----------------------------------------------------------------------------

  /** An element's start: its name and whether it was written {@code <name/>}. */
  private record Tag(String name, boolean empty) {}

  private Tag startTag() throws PlistFormatException {
    pos++;
    String name = name();
    List<String> attributes = new ArrayList<>(1);
    while (true) {
      boolean spaced = spaces();
      if (pos >= in.length) {
        throw malformed("the document ends inside the tag <" + name + ">");
      }
      if (in[pos] == '>') {
        pos++;
        enter();
        return new Tag(name, false);
      }
      if (in[pos] == '/' && at(pos + 1) == '>') {
        pos += 2;
        return new Tag(name, true);
      }
      if (!spaced || !isNameStart(in[pos])) {
        throw malformed("the tag <" + name + "> is not well-formed");
      }
      String attribute = name();
      if (attributes.contains(attribute)) {
        throw malformed("the attribute " + attribute + " appears twice in <" + name + ">");
      }
      attributes.add(attribute);
      attributeValue(name);
    }
  }

  private void enter() throws PlistFormatException {
    if (++depth > MAX_DEPTH) {
      throw new PlistFormatException("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private String attributeValue(String element) throws PlistFormatException {
    spaces();
    if (at(pos) != '=') {
      throw malformed("an attribute of <" + element + "> has no value");
    }
    pos++;
    spaces();
    byte quote = at(pos);
    if (quote != '"' && quote != '\'') {
      throw malformed("an attribute value of <" + element + "> is not quoted");
    }
    int start = ++pos;
    while (pos < in.length && in[pos] != quote) {
      if (in[pos] == '<') {
        throw malformed("'<' in an attribute value of <" + element + ">");
      }
      if (in[pos] == '&') {
        reference(PlistPath.root(), null);
      } else {
        character();
      }
    }
    if (pos >= in.length) {
      throw malformed("the document ends inside an attribute value");
    }
    return new String(in, start, pos++ - start, StandardCharsets.UTF_8);
  }

  private void endTag(Tag open) throws PlistFormatException {
    pos += 2;
    String name = name();
    spaces();
    if (at(pos) != '>') {
      throw malformed("the end tag </" + name + "> is not well-formed");
    }
    pos++;
    if (!name.equals(open.name)) {
      throw malformed("</" + name + "> where </" + open.name + "> must come");
    }
    depth--;
  }

  private String name() throws PlistFormatException {
    int start = pos;
    if (!isNameStart(at(pos))) {
      throw malformed("a name is missing");
    }
    while (pos < in.length && isNameChar(in[pos])) {
      pos += in[pos] >= 0 ? 1 : utf8Length(in[pos]);
    }
    for (String known : NAMES) {
      if (known.length() == pos - start && known.charAt(0) == in[start] && startsWith(known, start)) {
        return known;
      }
    }
    return new String(in, start, pos - start, StandardCharsets.UTF_8);
  }

  // ---- XML: prolog --------------------------------------------------------------------------

  private void xmlDeclaration() throws PlistFormatException {
    if (startsWith(USUAL_DECLARATION)) {
      pos += USUAL_DECLARATION.length();
      return;
    }
    int end = indexOf("?>", pos);
    if (end < 0) {
      throw malformed("the XML declaration is not closed");
    }
    String declaration = new String(in, pos, end - pos, StandardCharsets.UTF_8);
    Matcher m = ENCODING.matcher(declaration);
    if (!VERSION.matcher(declaration).lookingAt()) {
      throw malformed("the XML declaration has no version 1.x");
    }
    if (m.find() && !m.group(1).matches("(?i)utf-?8|us-ascii|ascii")) {
      throw malformed("the declared encoding is " + m.group(1) + "; a property list must be UTF-8");
    }
    pos = end + 2;
  }

  /** Whitespace, comments and processing instructions outside the root element. */
  private void misc() throws PlistFormatException {
    while (true) {
      spaces();
      if (startsWith("<!--")) {
        comment();
      } else if (startsWith("<?")) {
        processingInstruction();
      } else {
        return;
      }
    }
  }

  /**
   * Skips a document type declaration without reading anything it names; false, with a finding,
   * when its internal subset declares an entity.
   */
  private boolean doctype() throws PlistFormatException {
    pos += 9;
    while (pos < in.length && in[pos] != '>' && in[pos] != '[') {
      if (in[pos] == '"' || in[pos] == '\'') {
        quoted();
      } else {
        pos++;
      }
    }
    if (at(pos) == '[') {
      pos++;
      while (pos < in.length && in[pos] != ']') {
        if (startsWith("<!ENTITY")) {
          fatal(PlistPath.root(), "plist.entity-declared");
          return false;
        }
        if (startsWith("<!--")) {
          comment();
        } else if (in[pos] == '"' || in[pos] == '\'') {
          quoted();
        } else {
          pos++;
        }
      }
      pos++;
      spaces();
    }
    if (at(pos) != '>') {
      throw malformed("the DOCTYPE declaration is not closed");
    }
    pos++;
    return true;
  }

  private void quoted() throws PlistFormatException {
    byte quote = in[pos];
    int end = indexOf(quote == '"' ? "\"" : "'", pos + 1);
    if (end < 0) {
      throw malformed("a quoted string is not closed");
    }
    pos = end + 1;
  }

  private void comment() throws PlistFormatException {
    int end = indexOf("--", pos + 4);
    if (end < 0) {
      throw malformed("a comment is not closed");
    }
    if (at(end + 2) != '>') {
      throw malformed("'--' inside a comment");
    }
    for (pos += 4; pos < end; ) {
      character();
    }
    pos = end + 3;
  }

  private void processingInstruction() throws PlistFormatException {
    pos += 2;
    String target = name();
    if (target.equalsIgnoreCase("xml")) {
      throw malformed("an XML declaration that is not at the very start");
    }
    int end = indexOf("?>", pos);
    if (end < 0) {
      throw malformed("a processing instruction is not closed");
    }
    pos = end + 2;
  }

  // ---- bytes --------------------------------------------------------------------------------

  private boolean spaces() {
    int start = pos;
    while (pos < in.length && isSpace(in[pos])) {
      pos++;
    }
    return pos > start;
  }

  private byte at(int i) {
    return i < in.length ? in[i] : 0;
  }

  private boolean startsWith(String ascii) {
    return startsWith(ascii, pos);
  }

  private boolean startsWith(String ascii, int at) {
    if (at + ascii.length() > in.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (in[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String ascii, int from) {
    byte first = (byte) ascii.charAt(0);
    outer:
    for (int i = from; i + ascii.length() <= in.length; i++) {
      if (in[i] != first) {
        continue;
      }
      for (int k = 1; k < ascii.length(); k++) {
        if (in[i + k] != ascii.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean isNameStart(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':' || b < 0;
  }

  private static boolean isNameChar(byte b) {
    return isNameStart(b) || (b >= '0' && b <= '9') || b == '-' || b == '.';
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || !isNameStart((byte) s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(c -> c >= 0x80 || isNameChar((byte) c));
  }

  /** Bytes in the UTF-8 sequence that {@code lead} starts; the input was checked before. */
  private static int utf8Length(byte lead) {
    int b = lead & 0xff;
    return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
  }

  private void fatal(PlistPath path, String code, Object... args) {
    findings.add(Finding.error(path, code, args));
    unreliable = true;
  }

  private PlistFormatException malformed(String problem) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, in.length); i++) {
      if (in[i] == '\n') {
        line++;
      }
    }
    return new PlistFormatException("malformed XML at line " + line + ": " + problem);
  }
}
