package org.mdeprofiles.plist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdeprofiles.finding.PlistPath;

/**
 * Moves through XML bytes (valid UTF-8) checking that they are well-formed: tags and attributes,
 * comments, processing instructions, CDATA, character and entity references, the characters XML
 * allows, the declaration and a DOCTYPE, which is skipped unread. An entity other than XML's five
 * is never expanded or fetched: it is a finding. What is not well-formed throws with its line.
 */
final class XmlScanner {
  /** The declaration nearly every property list starts with, checked without a pattern. */
  private static final byte[] USUAL_DECLARATION_BYTES = ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  // Markup compared byte for byte: String.charAt in the loop cost 12% of a validate run (JFR).
  private static final byte[] XML_START = ascii("<?xml");
  private static final byte[] DOCTYPE = ascii("<!DOCTYPE");
  private static final byte[] CDATA_END = ascii("]]>");
  private static final byte[] COMMENT_START = ascii("<!--");
  private static final byte[] PI_START = ascii("<?");
  private static final byte[] CDATA_START = ascii("<![CDATA[");
  private static final byte[] PI_END = ascii("?>");
  private static final byte[] SYSTEM = ascii("SYSTEM");
  private static final byte[] PUBLIC = ascii("PUBLIC");
  private static final byte[] ENTITY = ascii("<!ENTITY");
  private static final byte[] DASHES = ascii("--");
  /** The element names of property lists, so that reading one makes no new string. */
  private static final String[] NAMES =
      {"key", "string", "dict", "array", "integer", "true", "false", "real", "date", "data", "plist"};
  private static final byte[][] NAME_BYTES =
      Arrays.stream(NAMES).map(XmlScanner::ascii).toArray(byte[][]::new);
  /** Their tags, open and empty, made once: a profile has hundreds of elements. */
  private static final Tag[] OPEN_TAGS = Arrays.stream(NAMES).map(n -> new Tag(n, false)).toArray(Tag[]::new);
  private static final Tag[] EMPTY_TAGS = Arrays.stream(NAMES).map(n -> new Tag(n, true)).toArray(Tag[]::new);
  private static final Pattern VERSION = Pattern.compile("<\\?xml\\s+version\\s*=\\s*([\"'])1\\.[0-9]+\\1");
  /** XML's XMLDecl production, up to its closing ?>. */
  private static final Pattern DECLARATION = Pattern.compile("<\\?xml\\s+version\\s*=\\s*([\"'])1\\.[0-9]+\\1"
      + "(\\s+encoding\\s*=\\s*([\"'])[A-Za-z][A-Za-z0-9._-]*\\3)?(\\s+standalone\\s*=\\s*([\"'])(yes|no)\\5)?\\s*");
  private static final Pattern STANDALONE =
      Pattern.compile("\\sstandalone\\s*=\\s*([\"'])(yes|no)\\1\\s*$");
  private static final Pattern ENCODING = Pattern.compile("\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

  /** Bytes {@link #plainRun} stops at, and bytes a name may continue with, looked up by value. */
  private static final boolean[] STOPS_PLAIN_RUN = new boolean[256];
  private static final boolean[] NAME_CHAR = new boolean[256];

  static {
    for (int b = 0; b < 256; b++) {
      byte v = (byte) b;
      STOPS_PLAIN_RUN[b] = v == '<' || v == '&' || v == '\r' || v == ']' || (v >= 0 && v < 0x20) || v == (byte) 0xEF;
      NAME_CHAR[b] = isNameStart(v) || (v >= '0' && v <= '9') || v == '-' || v == '.';
    }
  }

  /** An element's start: its name and whether it was written {@code <name/>}. */
  record Tag(String name, boolean empty) {}

  private final byte[] in;
  private final ParseFindings findings;
  private final StringBuilder text = new StringBuilder();
  private int pos;
  private int depth;
  /** The index in {@link #NAMES} of the name {@link #name()} read last, or -1. */
  private int known;

  XmlScanner(byte[] in, ParseFindings findings) {
    this.in = in;
    this.findings = findings;
  }

  /**
   * Reads up to the root element's start tag: the declaration, comments, processing instructions
   * and a DOCTYPE. Null, with a finding, when the DOCTYPE declares an entity.
   */
  Tag root() throws PlistFormatException {
    if (startsWith(XML_START) && pos + 5 < in.length && isSpace(in[pos + 5])) {
      xmlDeclaration();
    }
    misc();
    if (startsWith(DOCTYPE)) {
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
    return startTag();
  }

  /** Checks that only comments, processing instructions and whitespace follow the root element. */
  void end() throws PlistFormatException {
    misc();
    if (pos < in.length) {
      throw malformed("content after the root element");
    }
  }

  // ---- XML: content -------------------------------------------------------------------------

  /**
   * Moves to the next child element of the container {@code parent}, skipping whitespace,
   * comments and processing instructions; false, with the end tag read, when there is none.
   */
  boolean nextChild(Tag parent, PlistPath path) throws PlistFormatException {
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
      } else if (isSpace(b)) {
        pos++;  // the indentation between elements: always allowed, never part of "]]>"
      } else {
        contentCharacter();
      }
    }
  }

  /** The text of {@code tag} up to its end tag; a child element in it is a finding. */
  String text(Tag tag, PlistPath path) throws PlistFormatException {
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
          findings.fatal(path, "plist.element", child.name);
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
    while (pos < in.length && !STOPS_PLAIN_RUN[in[pos] & 0xff]) {
      pos++;
    }
  }

  /** Consumes one character of element content, where {@code ]]>} may not appear. */
  private void contentCharacter() throws PlistFormatException {
    if (in[pos] == ']' && startsWith(CDATA_END)) {
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
    if (startsWith(COMMENT_START)) {
      comment();
    } else if (startsWith(PI_START)) {
      processingInstruction();
    } else if (startsWith(CDATA_START)) {
      int start = pos + 9;
      int end = indexOf(CDATA_END, start);
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
      findings.fatal(path, "plist.entity-declared");
    } else if (out != null) {
      out.append(value);
    }
  }

  private String characterReference(String name) throws PlistFormatException {
    boolean hex = name.startsWith("#x");
    String digits = name.substring(hex ? 2 : 1);
    // XML allows digits only: no sign, no space (Integer.parseInt would take "+41").
    if (digits.isEmpty() || digits.length() > 8
        || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 && c < 0x80 : c >= '0' && c <= '9')) {
      throw malformed("'&" + name + ";' is not a character reference");
    }
    int code = Integer.parseInt(digits, hex ? 16 : 10);
    boolean allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
        || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
    if (!allowed) {
      throw malformed("'&" + name + ";' refers to a character XML does not allow");
    }
    return Character.toString(code);
  }

  /** Skips the rest of {@code tag}, checking only that it is well-formed. */
  void skip(Tag tag) throws PlistFormatException {
    if (!tag.empty) {
      skipRest(tag, PlistPath.root());
    }
  }

  void skipRest(Tag tag, PlistPath path) throws PlistFormatException {
    while (nextChild(tag, path)) {
      skip(startTag());
    }
  }

  // ---- XML: tags ----------------------------------------------------------------------------

  Tag startTag() throws PlistFormatException {
    pos++;
    String name = name();
    int k = known;  // before an attribute's name is read
    Set<String> attributes = null;  // made for the first attribute: most tags have none
    while (true) {
      boolean spaced = spaces();
      if (pos >= in.length) {
        throw malformed("the document ends inside the tag <" + name + ">");
      }
      if (in[pos] == '>') {
        pos++;
        enter();
        return k >= 0 ? OPEN_TAGS[k] : new Tag(name, false);
      }
      if (in[pos] == '/' && at(pos + 1) == '>') {
        pos += 2;
        return k >= 0 ? EMPTY_TAGS[k] : new Tag(name, true);
      }
      if (!spaced || !isNameStart(in[pos])) {
        throw malformed("the tag <" + name + "> is not well-formed");
      }
      String attribute = name();
      if (attributes == null) {
        attributes = new HashSet<>(4);
      }
      if (!attributes.add(attribute)) {
        throw malformed("the attribute " + attribute + " appears twice in <" + name + ">");
      }
      attributeValue(name);
    }
  }

  private void enter() throws PlistFormatException {
    if (++depth > PlistReader.MAX_DEPTH) {
      throw new PlistFormatException("nested deeper than " + PlistReader.MAX_DEPTH + " levels");
    }
  }

  /** Checks an attribute value, which no plist element needs: nothing is kept. */
  private void attributeValue(String element) throws PlistFormatException {
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
    pos++;
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
    pos++;
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
    while (pos < in.length && NAME_CHAR[in[pos] & 0xff]) {
      pos += in[pos] >= 0 ? 1 : utf8Length(in[pos]);
    }
    for (int i = 0; i < NAME_BYTES.length; i++) {
      if (NAME_BYTES[i].length == pos - start && startsWith(NAME_BYTES[i], start)) {
        known = i;
        return NAMES[i];
      }
    }
    known = -1;
    String name = new String(in, start, pos - start, StandardCharsets.UTF_8);
    if (!isName(name)) {
      throw malformed("'" + name + "' is not an XML name");
    }
    return name;
  }

  // ---- XML: prolog --------------------------------------------------------------------------

  private void xmlDeclaration() throws PlistFormatException {
    if (startsWith(USUAL_DECLARATION_BYTES)) {
      pos += USUAL_DECLARATION_BYTES.length;
      return;
    }
    int end = indexOf(PI_END, pos);
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
    if (declaration.contains("standalone") && !STANDALONE.matcher(declaration).find()) {
      throw malformed("the XML declaration's standalone is not \"yes\" or \"no\"");
    }
    if (!DECLARATION.matcher(declaration).matches()) {
      throw malformed("the XML declaration is not well-formed");
    }
    pos = end + 2;
  }

  /** Whitespace, comments and processing instructions outside the root element. */
  private void misc() throws PlistFormatException {
    while (true) {
      spaces();
      if (startsWith(COMMENT_START)) {
        comment();
      } else if (startsWith(PI_START)) {
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
    if (!spaces()) {
      throw malformed("the DOCTYPE declaration is not well-formed");
    }
    name();
    boolean spaced = spaces();
    if (spaced && (startsWith(SYSTEM) || startsWith(PUBLIC))) {
      boolean isPublic = startsWith(PUBLIC);
      pos += 6;
      if (!spaces() || (at(pos) != '"' && at(pos) != '\'')) {
        throw malformed("the DOCTYPE declaration is not well-formed");
      }
      if (isPublic) {
        int start = pos + 1;
        quoted();
        for (int i = start; i < pos - 1; i++) {
          if (!isPubidChar(in[i])) {
            throw malformed("the DOCTYPE's public identifier holds a character it may not");
          }
        }
        if (!spaces() || (at(pos) != '"' && at(pos) != '\'')) {
          throw malformed("the DOCTYPE declaration is not well-formed");
        }
      }
      quoted();
      spaces();
    }
    if (at(pos) != '[' && at(pos) != '>') {
      throw malformed("the DOCTYPE declaration is not well-formed");
    }
    if (at(pos) == '[') {
      pos++;
      while (pos < in.length && in[pos] != ']') {
        if (startsWith(ENTITY)) {
          findings.fatal(PlistPath.root(), "plist.entity-declared");
          return false;
        }
        if (startsWith(COMMENT_START)) {
          comment();
        } else if (startsWith(PI_START)) {
          processingInstruction();
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
    int end = indexOf(quote, pos + 1);
    if (end < 0) {
      throw malformed("a quoted string is not closed");
    }
    pos = end + 1;
  }

  private void comment() throws PlistFormatException {
    int end = indexOf(DASHES, pos + 4);
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
    if (!startsWith(PI_END) && !isSpace(at(pos))) {
      throw malformed("a processing instruction's target " + target + " is not followed by a space");
    }
    int end = indexOf(PI_END, pos);
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

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private boolean startsWith(byte[] ascii) {
    return startsWith(ascii, pos);
  }

  private boolean startsWith(byte[] ascii, int at) {
    if (at + ascii.length > in.length) {
      return false;
    }
    for (int i = 0; i < ascii.length; i++) {
      if (in[at + i] != ascii[i]) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(byte[] ascii, int from) {
    outer:
    for (int i = from; i + ascii.length <= in.length; i++) {
      for (int k = 0; k < ascii.length; k++) {
        if (in[i + k] != ascii[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private int indexOf(byte b, int from) {
    for (int i = from; i < in.length; i++) {
      if (in[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** PubidChar: letters, digits, space, CR, LF and -'()+,./:=?;!*#@$_%. */
  private static boolean isPubidChar(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ' ' || b == '\r'
        || b == '\n' || "-'()+,./:=?;!*#@$_%".indexOf(b) >= 0;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean isNameStart(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':' || b < 0;
  }

  private static boolean isNameChar(byte b) {
    return NAME_CHAR[b & 0xff];
  }

  /** XML 1.0's Name production, code point by code point (fifth edition ranges). */
  private static boolean isName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (!(i == 0 ? isNameStartCodePoint(c) : isNameCodePoint(c))) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean isNameStartCodePoint(int c) {
    return c < 0x80 ? isNameStart((byte) c)
        : (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
            || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
            || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
            || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
  }

  private static boolean isNameCodePoint(int c) {
    return isNameStartCodePoint(c) || (c < 0x80 && isNameChar((byte) c)) || c == 0xB7
        || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
  }

  /** Bytes in the UTF-8 sequence that {@code lead} starts; the input was checked before. */
  private static int utf8Length(byte lead) {
    int b = lead & 0xff;
    return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
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
