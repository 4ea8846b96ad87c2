package org.mdeprofiles.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The project's SHA-1 and SHA-256 give the JDK's digests, whatever the length and the pieces. */
class DigestTest {
  private static String hex(BlockDigest digest, String text) {
    return HexFormat.of().formatHex(digest.update(text.getBytes(StandardCharsets.US_ASCII)).digest());
  }

  @Test
  void publishedExamples() {
    // The examples FIPS 180-4's companion document works through: one block, two blocks, none.
    String twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(new Sha256(), "abc"));
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", hex(new Sha256(), twoBlocks));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(new Sha256(), ""));
    assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", hex(new Sha1(), "abc"));
    assertEquals("84983e441c3bd26ebaae4aa1f95129e5e54670f1", hex(new Sha1(), twoBlocks));
    assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", hex(new Sha1(), ""));
  }

  @Test
  void sameAsTheJdkAtEveryLengthAroundTheBlockAndPaddingEdges() throws Exception {
    Random random = new Random(180_4);
    for (int length = 0; length <= 300; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      compare(data, random);
    }
  }

  @Test
  void sameAsTheJdkOnLongMessagesFedInRandomPieces() throws Exception {
    Random random = new Random(4_180);
    for (int round = 0; round < 40; round++) {
      byte[] data = new byte[random.nextInt(200_000)];
      random.nextBytes(data);
      compare(data, random);
    }
  }

  private static void compare(byte[] data, Random random) throws Exception {
    check(Sha256::new, MessageDigest.getInstance("SHA-256"), data, random);
    check(Sha1::new, MessageDigest.getInstance("SHA-1"), data, random);
  }

  private static void check(Supplier<BlockDigest> ours, MessageDigest jdk, byte[] data, Random random) {
    byte[] expected = jdk.digest(data);
    assertArrayEquals(expected, ours.get().update(data).digest(), "whole, length " + data.length);
    BlockDigest pieces = ours.get();
    for (int at = 0; at < data.length; ) {
      int n = Math.min(data.length - at, random.nextInt(3) == 0 ? random.nextInt(70) : random.nextInt(5_000));
      pieces.update(data, at, n);
      at += n;
    }
    assertArrayEquals(expected, pieces.digest(), "in pieces, length " + data.length);
  }

  @Test
  void hexIsLowerCaseAsSha256sumPrintsIt() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aDigestIsTakenOnce() {
    BlockDigest digest = new Sha256().update(new byte[3]);
    digest.digest();
    assertThrows(IllegalStateException.class, digest::digest);
    assertThrows(IllegalStateException.class, () -> digest.update(new byte[1]));
  }

  @Test
  void aPieceOutsideTheArrayIsRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> new Sha1().update(new byte[4], 2, 3));
  }
}
