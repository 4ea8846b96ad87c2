package org.mdeprofiles.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.cms.ProfileSigner;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.io.IoProblem;
import org.mdeprofiles.io.OutputException;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.report.FindingLine;
import org.mdeprofiles.text.Printable;
import org.mdeprofiles.validate.ValidationOptions;

/**
 * {@code sign}: CMS-signs profiles, deterministically, after validating them. The identity's
 * password comes from an environment variable, a file or a terminal prompt, never from argv.
 */
final class SignCommand implements Command {
  @Override
  public String name() {
    return "sign";
  }

  @Override
  public String usage() {
    return "--identity FILE (--out DIR | -o FILE) [OPTIONS] PROFILE...";
  }

  @Override
  public String summary() {
    return "sign profiles (CMS, as security cms -S does), after validating them";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles sign --identity signer.p12 --password-file password.txt -o signed.mobileconfig kext.mobileconfig",
        "mde-profiles sign --identity signer.pem --out signed mde-profiles-out/plain/*.mobileconfig");
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Cli.valued("identity", "FILE", "PKCS #12 file, or PEM with certificate and private key"))
        .addOption(Cli.valued("chain", "FILE", "PEM certificates to include after the signer's"))
        .addOption(Cli.valued("out", "DIR", "folder for the signed profiles (same file names)"))
        .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
            .desc("the signed profile, when signing one").get())
        .addOption(Cli.valued("password-env", "NAME", "environment variable holding the identity's password"))
        .addOption(Cli.valued("password-file", "FILE", "file whose first line is the identity's password"))
        .addOption(Cli.flag("signing-time", "state the signing time (the bytes then differ on every run)"))
        .addOption(Cli.flag("allow-invalid", "sign profiles even when validation finds errors"))
        .addOption(Cli.flag("resign", "replace an existing signature, after checking it"))
        .addOption(Cli.flag("force", "replace signed files that exist"));
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    List<String> inputs = line.getArgList();
    if (!line.hasOption("identity")) {
      throw new UsageException("--identity is required");
    }
    if (inputs.isEmpty()) {
      throw new UsageException("no profile to sign");
    }
    if (line.hasOption("out") == line.hasOption("output")) {
      throw new UsageException("give either --out DIR or -o FILE");
    }
    if (line.hasOption("output") && inputs.size() != 1) {
      throw new UsageException("-o FILE takes one profile; use --out DIR for several");
    }
    Path identityFile = Path.of(line.getOptionValue("identity"));
    char[] password = Passwords.read(line, "", identityFile);
    SigningIdentity identity;
    try {
      identity = SigningIdentity.read(InputFiles.read(identityFile), password, new Date());
      if (line.hasOption("chain")) {
        identity = withChain(identity, Path.of(line.getOptionValue("chain")));
      }
    } catch (SignatureFormatException e) {
      throw new InputException(identityFile.toString(), e.getMessage());
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
    String subject = identity.subject();
    if (!identity.keyUsageAllowsSigning()) {
      err.println(Printable.line(identityFile.toString()) + ": warning: the certificate's key usage does not"
          + " allow digital signatures; macOS may refuse the signature");
    }
    if (identity.selfSigned()) {
      err.println(Printable.line(identityFile.toString()) + ": info: the certificate of " + Printable.line(subject)
          + " is self-signed; macOS shows the profile as unverified unless the certificate is trusted on the Mac");
    }
    List<Path> targets = new ArrayList<>();
    List<byte[]> signed = new ArrayList<>();
    boolean invalid = false;
    for (String input : inputs) {
      byte[] bytes = InputFiles.read(Path.of(input));
      if (SignedProfile.looksSigned(bytes)) {
        if (!line.hasOption("resign")) {
          throw new InputException(input, "is signed already (use --resign to replace its signature)");
        }
        SignedProfile old;
        try {
          old = SignedProfile.unwrap(bytes);
        } catch (SignatureFormatException e) {
          throw new InputException(input, e.getMessage());
        }
        for (SignedProfile.Signer s : old.signers()) {
          err.println(org.mdeprofiles.report.FindingLine.format(input, org.mdeprofiles.finding.Finding.info(
              org.mdeprofiles.finding.PlistPath.root(), "sign.replaced",
              s.subject().isEmpty() ? "an unknown signer" : s.subject(),
              s.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))));
        }
        bytes = old.content();
      }
      try {
        for (Finding f : Profiles.validate(input, bytes, ValidationOptions.DEFAULT).findings()) {
          err.println(FindingLine.format(input, f));
          invalid |= f.severity() == Severity.ERROR;
        }
      } catch (PlistFormatException e) {
        throw new InputException(input, e.getMessage());
      }
      targets.add(line.hasOption("output") ? Path.of(line.getOptionValue("output"))
          : Path.of(line.getOptionValue("out")).resolve(Path.of(input).getFileName()));
      signed.add(ProfileSigner.sign(bytes, identity, line.hasOption("signing-time")));
    }
    if (invalid && !line.hasOption("allow-invalid")) {
      err.println(Cli.PROGRAM + ": refusing to sign invalid profiles (use --allow-invalid to sign them anyway);"
          + " nothing was written");
      return ExitCode.FINDINGS;
    }
    for (int i = 0; i < targets.size(); i++) {
      write(targets.get(i), signed.get(i), line.hasOption("force"));
      out.println(Printable.line(targets.get(i).toString()));
    }
    return ExitCode.OK;
  }

  private static SigningIdentity withChain(SigningIdentity identity, Path chainFile)
      throws InputException, SignatureFormatException {
    List<java.security.cert.X509Certificate> chain = new ArrayList<>(identity.chain());
    try {
      for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificates(new java.io.ByteArrayInputStream(InputFiles.read(chainFile)))) {
        chain.add((java.security.cert.X509Certificate) c);
      }
    } catch (java.security.cert.CertificateException e) {
      throw new InputException(chainFile.toString(), "not a file of PEM certificates");
    }
    return new SigningIdentity(identity.key(), identity.certificate(), chain);
  }

  private static void write(Path target, byte[] bytes, boolean force) throws OutputException {
    if (Files.exists(target) && !force) {
      throw new OutputException(target + ": exists (use --force to replace it)");
    }
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".mde-profiles-sign-", ".tmp");
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new OutputException(target + ": cannot write: " + IoProblem.describe(e));
    }
  }
}
