package org.mdeprofiles.digest;

import java.util.Arrays;

/**
 * The frame SHA-1 and SHA-256 share (FIPS 180-4, 5.1.1 and 6.1-6.2): the message in 64-byte
 * blocks, padded with one 1 bit, zeros, and its length in bits as a big-endian 64-bit number.
 * Written here instead of taken from {@code MessageDigest}: looking up the JDK's provider cost a
 * cold start about 10 ms of CPU, and its code reads the message through a VarHandle, slow before
 * C2 (which this tool's short runs never use). One message per instance; not for several threads.
 */
public abstract class BlockDigest {
  private final byte[] block = new byte[64];
  private int filled;
  private long length;
  private boolean done;

  BlockDigest() {}

  /** Adds {@code data} to the message. */
  public final BlockDigest update(byte[] data) {
    return update(data, 0, data.length);
  }

  /** Adds {@code len} bytes of {@code data} from {@code off} to the message. */
  public final BlockDigest update(byte[] data, int off, int len) {
    requireOpen();
    java.util.Objects.checkFromIndexSize(off, len, data.length);
    length += len;
    int at = off;
    int left = len;
    if (filled > 0) {
      int take = Math.min(64 - filled, left);
      System.arraycopy(data, at, block, filled, take);
      filled += take;
      at += take;
      left -= take;
      if (filled < 64) {
        return this;
      }
      compress(block, 0);
      filled = 0;
    }
    for (; left >= 64; at += 64, left -= 64) {
      compress(data, at);
    }
    System.arraycopy(data, at, block, 0, left);
    filled = left;
    return this;
  }

  /** The digest of the message given so far; the instance takes no more after it. */
  public final byte[] digest() {
    requireOpen();
    done = true;
    long bits = length * 8;
    block[filled++] = (byte) 0x80;
    if (filled > 56) {
      Arrays.fill(block, filled, 64, (byte) 0);
      compress(block, 0);
      filled = 0;
    }
    Arrays.fill(block, filled, 56, (byte) 0);
    for (int i = 0; i < 8; i++) {
      block[56 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    compress(block, 0);
    return state();
  }

  private void requireOpen() {
    if (done) {
      throw new IllegalStateException("the digest of this message was already taken");
    }
  }

  /** Folds the 64 bytes of {@code data} from {@code off} into the state. */
  abstract void compress(byte[] data, int off);

  /** The state as the digest's bytes, big-endian. */
  abstract byte[] state();

  static int wordAt(byte[] b, int i) {
    return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
  }

  static byte[] bytes(int... words) {
    byte[] out = new byte[words.length * 4];
    for (int i = 0; i < words.length; i++) {
      out[4 * i] = (byte) (words[i] >>> 24);
      out[4 * i + 1] = (byte) (words[i] >>> 16);
      out[4 * i + 2] = (byte) (words[i] >>> 8);
      out[4 * i + 3] = (byte) words[i];
    }
    return out;
  }
}
