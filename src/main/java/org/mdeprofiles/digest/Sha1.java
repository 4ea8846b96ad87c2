package org.mdeprofiles.digest;

/** SHA-1 (FIPS 180-4, 6.1), for name-based UUIDs (RFC 4122 version 5), never for security. */
public final class Sha1 extends BlockDigest {
  private final int[] w = new int[80];
  private int h0 = 0x67452301;
  private int h1 = 0xefcdab89;
  private int h2 = 0x98badcfe;
  private int h3 = 0x10325476;
  private int h4 = 0xc3d2e1f0;

  @Override
  void compress(byte[] data, int off) {
    for (int t = 0; t < 16; t++) {
      w[t] = wordAt(data, off + 4 * t);
    }
    for (int t = 16; t < 80; t++) {
      w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    }
    int a = h0;
    int b = h1;
    int c = h2;
    int d = h3;
    int e = h4;
    for (int t = 0; t < 80; t++) {
      int f;
      int k;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      int next = Integer.rotateLeft(a, 5) + f + e + k + w[t];
      e = d;
      d = c;
      c = Integer.rotateLeft(b, 30);
      b = a;
      a = next;
    }
    h0 += a;
    h1 += b;
    h2 += c;
    h3 += d;
    h4 += e;
  }

  @Override
  byte[] state() {
    return bytes(h0, h1, h2, h3, h4);
  }
}
