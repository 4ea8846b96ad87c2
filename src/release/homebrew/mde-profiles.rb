# A Homebrew formula for mde-profiles, as a template: scripts/homebrew-formula fills in the
# release archive's URL, version and SHA-256 (and the homepage) for a tap of your own.
class MdeProfiles < Formula
  desc "Build, check and package Microsoft Defender for Endpoint profiles for macOS MDMs"
  homepage "@HOMEPAGE@"
  url "@URL@"
  version "@VERSION@"
  sha256 "@SHA256@"

  depends_on "openjdk@17"

  def install
    # The archive's own layout (bin/, lib/) kept together; bin/ gets a wrapper that sets JAVA_HOME.
    libexec.install "bin", "lib", "README.md"
    (bin/"mde-profiles").write_env_script libexec/"bin/mde-profiles", Language::Java.overridable_java_home_env("17")
  end

  test do
    system bin/"mde-profiles", "generate", "--mdm", "plain", "--out", testpath/"bundle", "--quiet"
    assert_predicate testpath/"bundle/plain/sysext.mobileconfig", :exist?
    system bin/"mde-profiles", "validate", "--quiet", testpath/"bundle"
  end
end
