package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.catalog.Catalog;

/**
 * A fix whose profile the Mac holds already is no fix: deploying a second copy (a second content
 * filter, a second settings profile) makes things worse. Such profiles leave the fix, and the step
 * says to check the installed one instead.
 */
final class InstalledFix {
  private InstalledFix() {}

  /**
   * {@code c} without the fixing profiles whose payload types (or domains) are all in {@code
   * installed}.
   */
  static Conclusion apply(Conclusion c, Set<String> installed) {
    // A wrong installed approval is fixed by replacing that profile: its fix stands.
    if (c.profiles().isEmpty() || c.code().equals("installed-approval-wrong")) {
      return c;
    }
    List<String> there =
        c.profiles().stream()
            .filter(
                p ->
                    Catalog.find(p)
                        .map(e -> installed.containsAll(Catalog.payloadTypes(e)))
                        .orElse(false))
            .toList();
    if (there.isEmpty()) {
      return c;
    }
    String note =
        "the "
            + String.join(" and ", there)
            + (there.size() == 1 ? " profile's payload is" : " profiles'" + " payloads are")
            + " installed already, so check that profile (mde-profiles validate on the file the MDM"
            + " holds, and its scope) rather than deploy another";
    return new Conclusion(
        c.code(),
        c.problem(),
        c.title(),
        c.seen(),
        c.meaning(),
        c.profiles().stream().filter(p -> !there.contains(p)).toList(),
        Optional.of(note + c.manual().map(m -> "; " + m).orElse("")));
  }
}
