package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.PayloadHeader;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/** Merges the payloads of several profiles by payload type, for one profile that holds them all. */
final class Merge {
  private Merge() {}

  /**
   * The payloads of {@code parts}, one per type, each moved into profile {@code name}: the types
   * of {@link Payloads#GATHER_ORDER} first in that order, then the others as they come.
   */
  static List<Payload> byType(GenerateSettings settings, String name, List<Profile> parts) {
    Map<String, Payload> byType = new LinkedHashMap<>();
    for (String type : Payloads.GATHER_ORDER) {
      byType.put(type, null);
    }
    String identifier = Envelope.identifier(settings, name);
    for (Profile part : parts) {
      for (Payload p : part.payloads()) {
        PayloadHeader h = p.header();
        if (!h.identifier().startsWith(part.identifier() + ".")) {
          throw new IllegalArgumentException(h.identifier() + " is not a payload identifier of " + part.identifier());
        }
        String suffix = h.identifier().substring(part.identifier().length());
        Payload moved = new Payload(
            new PayloadHeader(h.type(), identifier + suffix, "", h.displayName(), h.description(), h.organization()),
            p.content());
        byType.merge(p.type(), moved, (a, b) -> a.withContent(dict(a.content(), b.content())));
      }
    }
    List<Payload> out = new ArrayList<>();
    byType.values().stream().filter(p -> p != null).forEach(out::add);
    return out;
  }

  /** Two dictionaries as one: keys of both in order, values of a key in both merged. */
  static PlistDict dict(PlistDict a, PlistDict b) {
    Map<String, PlistValue> out = new LinkedHashMap<>(a.entries());
    b.entries().forEach((k, v) -> out.merge(k, v, Merge::value));
    return new PlistDict(out);
  }

  private static PlistValue value(PlistValue a, PlistValue b) {
    if (a instanceof PlistDict da && b instanceof PlistDict db) {
      return dict(da, db);
    }
    if (a instanceof PlistArray aa && b instanceof PlistArray ab) {
      List<PlistValue> items = new ArrayList<>(aa.items());
      ab.items().stream().filter(i -> !items.contains(i)).forEach(items::add);
      return new PlistArray(items);
    }
    if (a.equals(b)) {
      return a;
    }
    throw new IllegalArgumentException("two payloads of one type disagree: " + a + " and " + b);
  }
}
