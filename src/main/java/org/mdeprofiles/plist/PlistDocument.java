package org.mdeprofiles.plist;

import java.util.List;
import java.util.Optional;
import org.mdeprofiles.finding.Finding;

/**
 * A parsed property list: its root value (absent when a syntax finding made the content
 * untrustworthy) and the findings made while reading it.
 */
public record PlistDocument(Optional<PlistValue> root, List<Finding> findings) {
  public PlistDocument {
    findings = List.copyOf(findings);
  }
}
