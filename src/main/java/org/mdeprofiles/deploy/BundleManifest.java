package org.mdeprofiles.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.digest.Sha256;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.text.Printable;
import org.mdeprofiles.write.Manifest;

/**
 * A generated bundle as its manifest lists it: nothing else in the folder is trusted, and a file
 * is read only with the size and SHA-256 the manifest gives (one changed after generate is
 * refused).
 */
final class BundleManifest {
  private BundleManifest() {}

  /** The manifest's entries for target {@code mdm}, by path, in the manifest's order. */
  static Map<String, Map<?, ?>> entries(Path dir, String mdm) throws InputException {
    Path manifestFile = dir.resolve(Manifest.FILE_NAME);
    String text = InputFiles.text(InputFiles.read(manifestFile), manifestFile.toString());
    List<Map<?, ?>> files = Manifest.entries(text).orElseThrow(() -> new InputException(manifestFile.toString(),
        "not a manifest written by mde-profiles"));
    Map<String, Map<?, ?>> out = new LinkedHashMap<>();
    for (Map<?, ?> entry : files) {
      if (mdm.equals(entry.get("mdm")) && entry.get("path") instanceof String p) {
        out.put(p, entry);
      }
    }
    if (out.isEmpty()) {
      throw new InputException(manifestFile.toString(), "the bundle has no " + mdm + " folder (generate it with --mdm "
          + mdm + ")");
    }
    return out;
  }

  /** The bytes of {@code path}, which must be inside the bundle and match its manifest entry. */
  static byte[] verified(Path dir, String path, Map<?, ?> entry) throws InputException {
    Path file = dir.resolve(path).normalize();
    if (!file.startsWith(dir.normalize()) || path.contains("\\")) {
      throw new InputException(dir.resolve(Manifest.FILE_NAME).toString(), "lists " + Printable.line(path)
          + ", outside the bundle");
    }
    byte[] bytes = InputFiles.read(file);
    if (!(entry.get("sha256") instanceof String sha) || !sha.equals(Sha256.hex(bytes))) {
      throw new InputException(file.toString(), "differs from the bundle's manifest (changed after generate?);"
          + " generate the bundle again");
    }
    return bytes;
  }
}
