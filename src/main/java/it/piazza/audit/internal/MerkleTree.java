package it.piazza.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle Tree Hash of RFC 6962 §2.1 / RFC 9162 §2.1 with SHA-256, so that the audit log can be
 * checked with the same tools and proofs as a Certificate Transparency log.
 *
 * <p>Trees are given as the list of their leaf hashes ({@link #leafHash}), in log order. Leaf
 * indexes start at 0. Generators reject bad arguments with {@link IllegalArgumentException};
 * verifiers never throw on untrusted input, they answer {@code false}.
 */
public final class MerkleTree {

  /** Length of a SHA-256 hash; every leaf hash, node hash and proof element has it. */
  public static final int HASH_LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final HexFormat HEX = HexFormat.of();

  private MerkleTree() {}

  /** RFC 9162 §2.1.1: SHA-256(0x00 || data); the prefix stops a leaf posing as an inner node. */
  public static byte[] leafHash(byte[] leafData) {
    MessageDigest md = sha256();
    md.update(LEAF_PREFIX);
    return md.digest(leafData);
  }

  /** RFC 9162 §2.1.1: an inner node is SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return node(sha256(), left, right);
  }

  /** RFC 9162 §2.1.1: MTH({}) = SHA-256() - distinct from the hash of an empty leaf. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** MTH(D[n]) of RFC 9162 §2.1.1 over already hashed leaves; O(n) time, O(log n) extra memory. */
  public static byte[] root(List<byte[]> leafHashes) {
    byte[][] leaves = toArray(leafHashes);
    return mth(sha256(), leaves, 0, leaves.length);
  }

  /** The audit path PATH(m, D[n]) of RFC 6962 §2.1.1 (RFC 9162 §2.1.3.1), ordered leaf to root. */
  public static List<byte[]> inclusionProof(int leafIndex, List<byte[]> leafHashes) {
    byte[][] leaves = toArray(leafHashes);
    if (leafIndex < 0 || leafIndex >= leaves.length) {
      throw new IllegalArgumentException("leaf " + leafIndex + " not in 0.." + (leaves.length - 1));
    }
    MessageDigest md = sha256();
    // Walk the recursion top-down over D[lo:hi]; it yields siblings root first, the path wants them
    // leaf first. Depth is log n and the siblings partition the tree, so this is O(n) in total.
    ArrayDeque<byte[]> path = new ArrayDeque<>();
    int lo = 0;
    int hi = leaves.length;
    while (hi - lo > 1) {
      int k = largestPowerOfTwoBelow(hi - lo);
      if (leafIndex < lo + k) {
        path.addFirst(mth(md, leaves, lo + k, hi));
        hi = lo + k;
      } else {
        path.addFirst(mth(md, leaves, lo, lo + k));
        lo += k;
      }
    }
    return List.copyOf(path);
  }

  /**
   * PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 6962 §2.1.2 (RFC 9162 §2.1.4.1). Empty when
   * {@code oldSize} is 0 or the whole tree: there is nothing to prove then.
   */
  public static List<byte[]> consistencyProof(int oldSize, List<byte[]> leafHashes) {
    byte[][] leaves = toArray(leafHashes);
    if (oldSize < 0 || oldSize > leaves.length) {
      throw new IllegalArgumentException("old size " + oldSize + " not in 0.." + leaves.length);
    }
    if (oldSize == 0 || oldSize == leaves.length) {
      return List.of();
    }
    MessageDigest md = sha256();
    // SUBPROOF(m, D[lo:hi], b) unrolled: m stays the absolute end of the old tree and b turns false
    // once we step right, because the old root is then no longer a node the verifier already has.
    ArrayDeque<byte[]> proof = new ArrayDeque<>();
    int lo = 0;
    int hi = leaves.length;
    boolean haveOldRoot = true;
    while (oldSize != hi) {
      int k = largestPowerOfTwoBelow(hi - lo);
      if (oldSize <= lo + k) {
        proof.addFirst(mth(md, leaves, lo + k, hi));
        hi = lo + k;
      } else {
        proof.addFirst(mth(md, leaves, lo, lo + k));
        lo += k;
        haveOldRoot = false;
      }
    }
    if (!haveOldRoot) {
      proof.addFirst(mth(md, leaves, lo, hi));
    }
    return List.copyOf(proof);
  }

  /** Inclusion proof verification of RFC 9162 §2.1.3.2. */
  public static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(root)
        || !allHashes(proof)) {
      return false;
    }
    MessageDigest md = sha256();
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false; // more path than tree
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(md, p, r);
        // On the right border a lone node moves up unhashed: skip levels where it has no sibling.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = node(md, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Consistency proof verification of RFC 9162 §2.1.4.2, plus the cases the RFC leaves out: an
   * empty old tree is a prefix of every tree, and equal sizes need equal roots and no proof.
   */
  public static boolean verifyConsistency(
      long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    if (oldSize < 0 || newSize < oldSize || !isHash(oldRoot) || !isHash(newRoot)
        || !allHashes(proof)) {
      return false;
    }
    if (oldSize == 0) {
      return proof.isEmpty() && MessageDigest.isEqual(oldRoot, emptyRoot())
          && (newSize > 0 || MessageDigest.isEqual(newRoot, oldRoot));
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
    }
    if (proof.isEmpty()) {
      return false;
    }
    // A complete old tree is itself a node of the new tree, so the prover leaves it out (step 2).
    List<byte[]> path = new ArrayList<>(proof.size() + 1);
    if (Long.bitCount(oldSize) == 1) {
      path.add(oldRoot);
    }
    path.addAll(proof);
    MessageDigest md = sha256();
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = node(md, c, fr);
        sr = node(md, c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = node(md, sr, c); // only in the new tree
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
  }

  /** Lower-case hex, the form used in the RFC examples and in CT test vectors. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Inverse of {@link #hex}; accepts either case, rejects odd lengths and non-hex characters. */
  public static byte[] unhex(String hex) {
    return HEX.parseHex(hex);
  }

  /**
   * MTH(D[from:to]) without recursion. Leaves are folded into a stack of perfect subtrees (like a
   * binary counter), then the stack is hashed right to left. Splitting at the largest power of two
   * below n peels off exactly these perfect subtrees, largest first, so the result is MTH.
   */
  private static byte[] mth(MessageDigest md, byte[][] leaves, int from, int to) {
    if (from == to) {
      return md.digest();
    }
    byte[][] stack = new byte[Integer.SIZE][];
    int top = 0;
    for (int i = 0; i < to - from; i++) {
      byte[] h = leaves[from + i];
      for (int c = i; (c & 1) == 1; c >>>= 1) {
        h = node(md, stack[--top], h); // equal-sized neighbours become one subtree
      }
      stack[top++] = h;
    }
    byte[] acc = stack[--top];
    while (top > 0) {
      acc = node(md, stack[--top], acc);
    }
    return acc;
  }

  private static byte[] node(MessageDigest md, byte[] left, byte[] right) {
    md.update(NODE_PREFIX);
    md.update(left);
    return md.digest(right);
  }

  /** The k of RFC 9162 §2.1.1: the largest power of two smaller than n, for n > 1. */
  private static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }

  /** Copies once so that any List (even a linked one) is read in O(n), and checks hash lengths. */
  private static byte[][] toArray(List<byte[]> leafHashes) {
    byte[][] leaves = leafHashes.toArray(byte[][]::new);
    for (int i = 0; i < leaves.length; i++) {
      if (!isHash(leaves[i])) {
        throw new IllegalArgumentException("leaf hash " + i + " is not a SHA-256 hash");
      }
    }
    return leaves;
  }

  private static boolean isHash(byte[] b) {
    return b != null && b.length == HASH_LENGTH;
  }

  private static boolean allHashes(List<byte[]> proof) {
    if (proof == null) {
      return false;
    }
    for (byte[] p : proof) {
      if (!isHash(p)) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
