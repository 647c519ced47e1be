package it.piazza.audit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of its perfect subtrees, largest first (at most log2 n of them).
 * Enough to append leaves and compute the RFC 6962 root without reading the whole log.
 */
final class CompactRange {

  private final List<byte[]> roots;
  private long size;

  CompactRange(long size, List<byte[]> roots) {
    if (Long.bitCount(size) != roots.size()) {
      throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(size) + " subtrees");
    }
    this.size = size;
    this.roots = new ArrayList<>(roots);
  }

  static CompactRange empty() {
    return new CompactRange(0, List.of());
  }

  long size() {
    return size;
  }

  List<byte[]> roots() {
    return List.copyOf(roots);
  }

  void append(byte[] leafHash) {
    roots.add(leafHash);
    // Merge equal-sized subtrees: one merge per trailing 1-bit of the old size.
    for (long s = size; (s & 1) == 1; s >>= 1) {
      byte[] right = roots.removeLast();
      byte[] left = roots.removeLast();
      roots.add(MerkleTree.nodeHash(left, right));
    }
    size++;
  }

  /** MTH of the tree: the subtree roots folded from the right, as RFC 6962 splits at powers of two. */
  byte[] root() {
    if (roots.isEmpty()) {
      return MerkleTree.emptyRoot();
    }
    byte[] root = roots.getLast();
    for (int i = roots.size() - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(roots.get(i), root);
    }
    return root;
  }
}
