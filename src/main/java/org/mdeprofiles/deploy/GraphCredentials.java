package org.mdeprofiles.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.io.Json;

/**
 * An app registration's credentials for Microsoft identity's client-credentials flow: a client
 * secret, or a certificate whose key signs a client assertion (a JWT, RS256, naming the
 * certificate by its SHA-256 thumbprint). The secret and the key are never shown.
 */
public record GraphCredentials(String tenant, String clientId, Optional<char[]> secret,
    Optional<SigningIdentity> certificate) {
  public static GraphCredentials secret(String tenant, String clientId, char[] secret) {
    return new GraphCredentials(tenant, clientId, Optional.of(secret), Optional.empty());
  }

  public static GraphCredentials certificate(String tenant, String clientId, SigningIdentity identity)
      throws DeployException {
    if (!(identity.key() instanceof RSAPrivateKey)) {
      throw new DeployException("the certificate's key is not RSA; Microsoft identity takes RS256 client assertions");
    }
    return new GraphCredentials(tenant, clientId, Optional.empty(), Optional.of(identity));
  }

  /** The form fields after grant_type and scope: the secret, or a freshly signed assertion for {@code audience}. */
  String form(String audience, Instant now) throws DeployException {
    String id = "client_id=" + enc(clientId);
    if (secret.isPresent()) {
      return id + "&client_secret=" + enc(new String(secret.get()));
    }
    return id + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        + "&client_assertion=" + enc(assertion(audience, now));
  }

  private String assertion(String audience, Instant now) throws DeployException {
    SigningIdentity identity = certificate.orElseThrow();
    try {
      String thumbprint = b64(MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded()));
      String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5t#S256\":" + quoted(thumbprint) + "}";
      long t = now.getEpochSecond();
      String claims = "{\"aud\":" + quoted(audience) + ",\"iss\":" + quoted(clientId) + ",\"sub\":" + quoted(clientId)
          + ",\"jti\":" + quoted(UUID.randomUUID().toString()) + ",\"nbf\":" + t + ",\"exp\":" + (t + 600) + "}";
      String signed = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(identity.key());
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + b64(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new DeployException("the certificate's key cannot sign a client assertion: " + e.getMessage());
    }
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder();
    Json.string(s, out);
    return out.toString();
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Forgets the secret. */
  public void clear() {
    secret.ifPresent(s -> java.util.Arrays.fill(s, '\0'));
  }

  @Override
  public String toString() {
    return "app " + clientId + " in tenant " + tenant;
  }
}
