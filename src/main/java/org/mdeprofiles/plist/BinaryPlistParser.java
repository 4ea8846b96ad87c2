package org.mdeprofiles.plist;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/**
 * Reads a binary property list ({@code bplist00}) from untrusted bytes, bounded: every offset,
 * count and reference is checked against the file before it is followed; objects may be shared,
 * but the values they expand to are counted ({@value #MAX_VALUES} at most) and a reference cycle
 * is refused, so 150 bytes of shared arrays cannot expand to gigabytes. What an author can fix
 * is a finding, as in XML: a key that appears twice in one dictionary, an integer beyond 64 bits.
 */
final class BinaryPlistParser {
  /** Values a document may expand to, shared objects counted each time they are used. */
  static final int MAX_VALUES = 500_000;
  private static final int TRAILER = 32;
  private static final long EPOCH_2001 = 978_307_200L;
  /** About 7,000 years either side of 2001: dates beyond the years 1 to 9999. */
  private static final double MAX_DATE_SECONDS = 2.2e11;

  private final byte[] in;
  private final int offsetSize;
  private final int refSize;
  private final int objects;
  private final long offsetTable;
  private final ParseFindings findings = new ParseFindings(List.of());
  private final int topObject;
  private final boolean[] open;
  private int values;

  private BinaryPlistParser(byte[] in) throws PlistFormatException {
    this.in = in;
    if (in.length < 8 + TRAILER) {
      throw corrupt("shorter than its header and trailer");
    }
    int t = in.length - TRAILER;
    offsetSize = in[t + 6] & 0xff;
    refSize = in[t + 7] & 0xff;
    long count = unsigned(t + 8, 8);
    long top = unsigned(t + 16, 8);
    offsetTable = unsigned(t + 24, 8);
    if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) {
      throw corrupt("its trailer gives impossible sizes");
    }
    if (count < 1 || top < 0 || top >= count || offsetTable < 8 || offsetTable > t
        || count > (t - offsetTable) / offsetSize) {
      throw corrupt("its trailer points outside the file");
    }
    objects = (int) count;
    open = new boolean[objects];
    topObject = (int) top;
  }

  static PlistDocument parse(byte[] bytes) throws PlistFormatException {
    BinaryPlistParser parser = new BinaryPlistParser(bytes);
    PlistValue root = parser.object(parser.topObject, PlistPath.root(), 0);
    List<Finding> found = parser.findings.all();
    return new PlistDocument(parser.findings.unreliable() ? Optional.empty() : Optional.of(root), found);
  }

  private PlistValue object(int ref, PlistPath path, int depth) throws PlistFormatException {
    if (depth > PlistReader.MAX_DEPTH) {
      throw new PlistFormatException("nested deeper than " + PlistReader.MAX_DEPTH + " levels");
    }
    if (++values > MAX_VALUES) {
      throw new PlistFormatException("not a usable binary property list (it expands to more than "
          + MAX_VALUES + " values)");
    }
    if (open[ref]) {
      throw corrupt("an object contains itself");
    }
    long offset = unsigned(offsetTable + (long) ref * offsetSize, offsetSize);
    if (offset < 8 || offset >= offsetTable) {
      throw corrupt("an object lies outside the file");
    }
    int at = (int) offset;
    int marker = in[at] & 0xff;
    int kind = marker >> 4;
    int info = marker & 0x0f;
    switch (kind) {
      case 0x0:
        if (info == 0x8 || info == 0x9) {
          return new PlistValue.PlistBoolean(info == 0x9);
        }
        throw corrupt("it holds a null or fill object, which a property list cannot");
      case 0x1:
        return integer(at + 1, info, path);
      case 0x2:
        return real(at + 1, info);
      case 0x3:
        if (info != 0x3) {
          throw corrupt("a date is not 8 bytes");
        }
        double seconds = Double.longBitsToDouble(unsigned(need(at + 1, 8), 8));
        // Years 1 to 9999, as an XML plist date can write them; beyond is a finding, not a crash.
        if (!(Math.abs(seconds) < MAX_DATE_SECONDS)) {
          findings.fatal(path, "plist.date", String.valueOf(seconds));
          return new PlistValue.PlistBoolean(false);
        }
        return new PlistValue.PlistDate(Instant.ofEpochSecond(EPOCH_2001 + (long) Math.floor(seconds)).toString());
      default:
        break;
    }
    long[] length = length(at, info);
    int start = (int) length[1];
    long n = length[0];
    switch (kind) {
      case 0x4:
        return new PlistValue.PlistData(Arrays.copyOfRange(in, need(start, n), start + (int) n));
      case 0x5:
        return new PlistValue.PlistString(text(start, n, StandardCharsets.US_ASCII));
      case 0x6:
        return new PlistValue.PlistString(text(start, n * 2, StandardCharsets.UTF_16BE));
      case 0x7:
        return new PlistValue.PlistString(text(start, n, StandardCharsets.UTF_8));
      case 0xA:
        open[ref] = true;
        List<PlistValue> items = new ArrayList<>((int) Math.min(n, 1024));
        need(start, n * refSize);
        for (int i = 0; i < n; i++) {
          items.add(object(ref(start + i * refSize), path.index(i), depth + 1));
        }
        open[ref] = false;
        return new PlistValue.PlistArray(items);
      case 0xD:
        open[ref] = true;
        need(start, n * 2 * refSize);
        Map<String, PlistValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          PlistValue key = object(ref(start + i * refSize), path, depth + 1);
          if (!(key instanceof PlistValue.PlistString k)) {
            throw corrupt("a dictionary key is not a string");
          }
          PlistPath keyPath = path.key(k.value());
          PlistValue value = object(ref(start + (int) (n + i) * refSize), keyPath, depth + 1);
          if (entries.containsKey(k.value())) {
            findings.error(keyPath, "plist.duplicate-key", k.value());
          }
          entries.put(k.value(), value);
        }
        open[ref] = false;
        return new PlistValue.PlistDict(entries);
      default:
        throw corrupt("it holds an object of a kind a property list cannot (marker 0x"
            + Integer.toHexString(marker) + ")");
    }
  }

  private PlistValue integer(int at, int info, PlistPath path) throws PlistFormatException {
    if (info > 4) {
      throw corrupt("an integer is longer than 16 bytes");
    }
    int size = 1 << info;
    need(at, size);
    // 1, 2 and 4 bytes are unsigned, 8 and 16 signed (16 holds unsigned 64-bit values).
    BigInteger value = size < 8 ? BigInteger.valueOf(unsigned(at, size))
        : new BigInteger(Arrays.copyOfRange(in, at, at + size));
    if (!PlistValue.PlistInteger.fits(value)) {
      findings.fatal(path, "plist.integer-range", value.toString());
      return new PlistValue.PlistInteger(BigInteger.ZERO);
    }
    return new PlistValue.PlistInteger(value);
  }

  private PlistValue real(int at, int info) throws PlistFormatException {
    if (info == 2) {
      return new PlistValue.PlistReal(Float.intBitsToFloat((int) unsigned(need(at, 4), 4)));
    }
    if (info == 3) {
      return new PlistValue.PlistReal(Double.longBitsToDouble(unsigned(need(at, 8), 8)));
    }
    throw corrupt("a real is neither 4 nor 8 bytes");
  }

  /** The count of a data, string or container object, and where its content starts. */
  private long[] length(int at, int info) throws PlistFormatException {
    if (info != 0x0f) {
      return new long[] {info, at + 1};
    }
    int marker = in[need(at + 1, 1)] & 0xff;
    if (marker >> 4 != 0x1 || (marker & 0x0f) > 3) {
      throw corrupt("an object's length is not an integer");
    }
    int size = 1 << (marker & 0x0f);
    long n = unsigned(need(at + 2, size), size);
    if (n < 0) {
      throw corrupt("an object's length is negative");
    }
    return new long[] {n, at + 2 + size};
  }

  private String text(int start, long bytes, java.nio.charset.Charset charset) throws PlistFormatException {
    need(start, bytes);
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in, start, (int) bytes)).toString();
    } catch (CharacterCodingException e) {
      throw corrupt("a string is not valid " + charset.name());
    }
  }

  private int ref(int at) throws PlistFormatException {
    long ref = unsigned(at, refSize);
    if (ref < 0 || ref >= objects) {
      throw corrupt("a reference points at no object");
    }
    return (int) ref;
  }

  /** {@code at}, after checking that {@code count} bytes from it lie before the offset table. */
  private int need(long at, long count) throws PlistFormatException {
    if (at < 0 || count < 0 || at > offsetTable || count > offsetTable - at) {
      throw corrupt("an object runs past the end of its data");
    }
    return (int) at;
  }

  private long unsigned(long at, int size) throws PlistFormatException {
    if (at < 0 || at + size > in.length) {
      throw corrupt("truncated");
    }
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | (in[(int) at + i] & 0xff);
    }
    return value;
  }

  private static PlistFormatException corrupt(String why) {
    return new PlistFormatException("not a valid binary property list (" + why + ")");
  }
}
