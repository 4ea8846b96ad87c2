package org.mdeprofiles.pack;

import java.util.List;

/** What a target writes, and what it found while packaging. */
public record TargetOutput(List<BundleFile> files, List<FileFinding> findings) {
  public TargetOutput {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
  }
}
