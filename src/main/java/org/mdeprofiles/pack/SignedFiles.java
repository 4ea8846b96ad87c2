package org.mdeprofiles.pack;

import org.mdeprofiles.cms.ProfileSigner;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.render.RenderException;

/** A bundle profile signed with the bundle's identity, for whichever target signs it. */
final class SignedFiles {
  private SignedFiles() {}

  static byte[] sign(ProfileFile p, SigningIdentity identity) throws RenderException {
    try {
      return ProfileSigner.sign(p.bytes(), identity, false);
    } catch (SignatureFormatException e) {
      throw new RenderException("cannot sign " + p.fileName() + ": " + e.getMessage());
    }
  }
}
