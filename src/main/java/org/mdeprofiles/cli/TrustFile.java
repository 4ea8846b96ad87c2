package org.mdeprofiles.cli;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;

/** {@code --trust FILE}: the certificates (PEM, one or more, or one DER) a signer must chain to. */
final class TrustFile {
  private TrustFile() {}

  static List<X509Certificate> read(Path file) throws InputException {
    byte[] bytes = InputFiles.read(file);
    List<X509Certificate> out = new ArrayList<>();
    try {
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
        out.add((X509Certificate) c);
      }
    } catch (CertificateException | RuntimeException e) {
      throw new InputException(file.toString(), "not a certificate file (PEM or DER X.509)");
    }
    if (out.isEmpty()) {
      throw new InputException(file.toString(), "holds no certificate");
    }
    return out;
  }
}
