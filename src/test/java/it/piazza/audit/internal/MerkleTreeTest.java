package it.piazza.audit.internal;

import static it.piazza.audit.internal.MerkleTree.hex;
import static it.piazza.audit.internal.MerkleTree.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Known answers come from the Certificate Transparency reference implementation:
 * google/certificate-transparency cpp/merkletree/merkle_tree_test.cc (kInputs, kSHA256Roots,
 * kSHA256Paths, kSHA256Proofs), carried over to transparency-dev/merkle proof/verify_test.go (which
 * adds the 6->7 consistency proof); leaf and node hashes from transparency-dev/merkle
 * rfc6962/rfc6962_test.go. Everything else is checked against the recursive definitions of
 * RFC 9162 §2.1, written out naively below.
 */
class MerkleTreeTest {

  static final String EMPTY_ROOT =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  static final List<String> CT_INPUTS = List.of("", "00", "10", "2021", "3031", "40414243",
      "5051525354555657", "606162636465666768696a6b6c6d6e6f");

  /** Roots of the trees made of the first 1..8 inputs. */
  static final List<String> CT_ROOTS = List.of(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  /** The sources number leaves from 1; here {@code index} is 0-based. */
  record InclusionVector(int index, int size, List<String> proof) {}

  static final List<InclusionVector> CT_INCLUSION = List.of(
      new InclusionVector(0, 1, List.of()),
      new InclusionVector(0, 8, List.of(
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
      new InclusionVector(5, 8, List.of(
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
      new InclusionVector(2, 3, List.of(
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
      new InclusionVector(1, 5, List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

  record ConsistencyVector(int oldSize, int newSize, List<String> proof) {}

  static final List<ConsistencyVector> CT_CONSISTENCY = List.of(
      new ConsistencyVector(1, 1, List.of()),
      new ConsistencyVector(1, 8, List.of(
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
      new ConsistencyVector(6, 8, List.of(
          "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
      new ConsistencyVector(2, 5, List.of(
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
      new ConsistencyVector(6, 7, List.of(
          "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

  static final List<byte[]> CT_LEAVES =
      CT_INPUTS.stream().map(s -> MerkleTree.leafHash(unhex(s))).toList();

  // Known answers

  @Test
  void anEmptyTreeHasTheHashOfTheEmptyString() {
    assertThat(hex(MerkleTree.emptyRoot())).isEqualTo(EMPTY_ROOT);
    assertThat(hex(MerkleTree.root(List.of()))).isEqualTo(EMPTY_ROOT);
  }

  @Test
  void aLeafIsHashedBehindAZeroByte() {
    assertThat(hex(MerkleTree.leafHash(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(hex(MerkleTree.leafHash(ascii("L123456"))))
        .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
  }

  @Test
  void aNodeIsHashedBehindAOneByte() {
    assertThat(hex(MerkleTree.nodeHash(ascii("N123"), ascii("N456"))))
        .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
  }

  @Test
  void aLeafCannotPoseAsANode() {
    byte[] a = MerkleTree.leafHash(ascii("Hello"));
    byte[] b = MerkleTree.leafHash(ascii("World"));
    byte[] ab = new byte[64];
    System.arraycopy(a, 0, ab, 0, 32);
    System.arraycopy(b, 0, ab, 32, 32);
    assertThat(MerkleTree.nodeHash(a, b)).isNotEqualTo(MerkleTree.leafHash(ab));
    assertThat(MerkleTree.nodeHash(a, b)).isNotEqualTo(MerkleTree.nodeHash(b, a));
  }

  @Test
  void theRootsMatchTheReferenceTree() {
    for (int n = 1; n <= 8; n++) {
      assertThat(hex(MerkleTree.root(CT_LEAVES.subList(0, n)))).as("size %d", n)
          .isEqualTo(CT_ROOTS.get(n - 1));
    }
  }

  @Test
  void inclusionProofsMatchTheReferenceTree() {
    for (InclusionVector v : CT_INCLUSION) {
      List<byte[]> leaves = CT_LEAVES.subList(0, v.size());
      List<byte[]> proof = MerkleTree.inclusionProof(v.index(), leaves);
      assertThat(hexes(proof)).as("%s", v).containsExactlyElementsOf(v.proof());
      assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaves.get(v.index()),
          unhexAll(v.proof()), unhex(CT_ROOTS.get(v.size() - 1)))).as("%s", v).isTrue();
    }
  }

  @Test
  void consistencyProofsMatchTheReferenceTree() {
    for (ConsistencyVector v : CT_CONSISTENCY) {
      List<byte[]> proof =
          MerkleTree.consistencyProof(v.oldSize(), CT_LEAVES.subList(0, v.newSize()));
      assertThat(hexes(proof)).as("%s", v).containsExactlyElementsOf(v.proof());
      assertThat(MerkleTree.verifyConsistency(v.oldSize(), v.newSize(),
          unhex(CT_ROOTS.get(v.oldSize() - 1)), unhex(CT_ROOTS.get(v.newSize() - 1)),
          unhexAll(v.proof()))).as("%s", v).isTrue();
    }
  }

  // Roots

  @Test
  void theRootFollowsTheRecursiveDefinition() {
    List<byte[]> leaves = leaves(130);
    for (int n = 0; n <= leaves.size(); n++) {
      assertThat(MerkleTree.root(leaves.subList(0, n))).as("size %d", n)
          .isEqualTo(referenceRoot(leaves.subList(0, n)));
    }
  }

  @Test
  void aSingleLeafIsItsOwnRoot() {
    byte[] leaf = MerkleTree.leafHash(ascii("only"));
    assertThat(MerkleTree.root(List.of(leaf))).isEqualTo(leaf);
  }

  @Test
  void aChangedLeafChangesTheRoot() {
    List<byte[]> leaves = leaves(13);
    byte[] root = MerkleTree.root(leaves);
    for (int i = 0; i < leaves.size(); i++) {
      List<byte[]> tampered = new ArrayList<>(leaves);
      tampered.set(i, flipBit(leaves.get(i)));
      assertThat(MerkleTree.root(tampered)).as("leaf %d", i).isNotEqualTo(root);
    }
  }

  @Test
  void reorderedLeavesChangeTheRoot() {
    List<byte[]> leaves = new ArrayList<>(leaves(5));
    byte[] root = MerkleTree.root(leaves);
    leaves.add(3, leaves.remove(4));
    assertThat(MerkleTree.root(leaves)).isNotEqualTo(root);
  }

  @Test
  void aMillionLeavesNeedNoDeepRecursion() {
    List<byte[]> leaves = leaves(1_000_000);
    byte[] root = MerkleTree.root(leaves);
    // RFC 9162 §2.1.1: split at the largest power of two smaller than n (2^19 here).
    int k = 1 << 19;
    assertThat(root).isEqualTo(MerkleTree.nodeHash(
        MerkleTree.root(leaves.subList(0, k)), MerkleTree.root(leaves.subList(k, leaves.size()))));
    assertThat(MerkleTree.verifyInclusion(999_999, leaves.size(), leaves.get(999_999),
        MerkleTree.inclusionProof(999_999, leaves), root)).isTrue();
    assertThat(MerkleTree.verifyConsistency(k + 1, leaves.size(),
        MerkleTree.root(leaves.subList(0, k + 1)), root,
        MerkleTree.consistencyProof(k + 1, leaves))).isTrue();
  }

  @Test
  void anyListIsAccepted() {
    List<byte[]> leaves = leaves(9);
    assertThat(MerkleTree.root(new LinkedList<>(leaves))).isEqualTo(MerkleTree.root(leaves));
  }

  @Test
  void leavesMustBeSha256Hashes() {
    assertThatThrownBy(() -> MerkleTree.root(List.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Inclusion

  @Test
  void everyLeafHasAVerifiableInclusionProof() {
    List<byte[]> all = leaves(64);
    for (int n = 1; n <= all.size(); n++) {
      List<byte[]> leaves = all.subList(0, n);
      byte[] root = MerkleTree.root(leaves);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = MerkleTree.inclusionProof(i, leaves);
        assertThat(hexes(proof)).as("leaf %d of %d", i, n)
            .isEqualTo(hexes(referencePath(i, leaves)));
        assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, root))
            .as("leaf %d of %d", i, n).isTrue();
      }
    }
  }

  @Test
  void anInclusionProofFailsWithAFlippedBit() {
    List<byte[]> all = leaves(64);
    for (int n = 1; n <= all.size(); n++) {
      List<byte[]> leaves = all.subList(0, n);
      byte[] root = MerkleTree.root(leaves);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = MerkleTree.inclusionProof(i, leaves);
        String at = "leaf " + i + " of " + n;
        for (int j = 0; j < proof.size(); j++) {
          assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), flipBit(proof, j), root))
              .as("%s, proof[%d]", at, j).isFalse();
        }
        assertThat(MerkleTree.verifyInclusion(i, n, flipBit(leaves.get(i)), proof, root))
            .as(at).isFalse();
        assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, flipBit(root)))
            .as(at).isFalse();
      }
    }
  }

  @Test
  void anInclusionProofFailsForAnotherLeaf() {
    List<byte[]> leaves = leaves(21);
    byte[] root = MerkleTree.root(leaves);
    for (int i = 0; i < leaves.size(); i++) {
      List<byte[]> proof = MerkleTree.inclusionProof(i, leaves);
      for (int other = 0; other < leaves.size(); other++) {
        if (other != i) {
          assertThat(MerkleTree.verifyInclusion(i, leaves.size(), leaves.get(other), proof, root))
              .as("proof of %d, leaf %d", i, other).isFalse();
          assertThat(MerkleTree.verifyInclusion(other, leaves.size(), leaves.get(i), proof, root))
              .as("proof of %d at index %d", i, other).isFalse();
        }
      }
    }
  }

  @Test
  void anInclusionProofFailsForAnotherTreeSize() {
    List<byte[]> leaves = leaves(6);
    byte[] root = MerkleTree.root(leaves);
    List<byte[]> proof = MerkleTree.inclusionProof(2, leaves);
    // Only sizes that change the path's shape can be caught here (5..8 give leaf 2 the same path):
    // the signed root is what pins the size, which is why a log signs the two together.
    for (long size : new long[] {3, 4, 12}) {
      assertThat(MerkleTree.verifyInclusion(2, size, leaves.get(2), proof, root))
          .as("size %d", size).isFalse();
    }
  }

  @Test
  void anInclusionProofFailsWhenShortenedOrPadded() {
    // The probes of merkle_tree_test.cc VerifierCheck, applied to every reference vector.
    byte[] someHash = unhex("abacaba000000000000000000000000000000000000000000060061e00123456");
    for (InclusionVector v : CT_INCLUSION) {
      List<byte[]> proof = unhexAll(v.proof());
      byte[] root = unhex(CT_ROOTS.get(v.size() - 1));
      byte[] leaf = CT_LEAVES.get(v.index());
      List<List<byte[]>> wrong = new ArrayList<>(List.of(
          plus(proof, new byte[32]), plus(proof, root), plus(List.of(root), proof)));
      if (!proof.isEmpty()) {
        wrong.add(proof.subList(0, proof.size() - 1));
        wrong.add(plus(List.of(someHash), proof.subList(1, proof.size())));
      }
      for (List<byte[]> w : wrong) {
        assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, w, root))
            .as("%s", v).isFalse();
      }
      assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, proof, unhex(EMPTY_ROOT)))
          .as("%s", v).isFalse();
    }
  }

  @Test
  void anInclusionProofNeedsALeafInsideTheTree() {
    byte[] h = MerkleTree.leafHash(ascii("x"));
    assertThat(MerkleTree.verifyInclusion(0, 0, h, List.of(), MerkleTree.emptyRoot())).isFalse();
    assertThat(MerkleTree.verifyInclusion(1, 1, h, List.of(), h)).isFalse();
    assertThat(MerkleTree.verifyInclusion(-1, 1, h, List.of(), h)).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, h, List.of(), h)).isTrue();
    assertThatThrownBy(() -> MerkleTree.inclusionProof(3, leaves(3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, leaves(3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedInclusionInputIsRejectedNotThrown() {
    byte[] h = MerkleTree.leafHash(ascii("x"));
    List<byte[]> withNull = new ArrayList<>();
    withNull.add(null);
    assertThat(MerkleTree.verifyInclusion(0, 2, h, withNull, h)).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 2, h, List.of(new byte[3]), h)).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, h, null, h)).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, null, List.of(), h)).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, h, List.of(), new byte[0])).isFalse();
  }

  // Consistency

  @Test
  void everyOlderTreeHasAVerifiableConsistencyProof() {
    List<byte[]> all = leaves(32);
    for (int n = 1; n <= all.size(); n++) {
      List<byte[]> leaves = all.subList(0, n);
      byte[] newRoot = MerkleTree.root(leaves);
      for (int m = 1; m <= n; m++) {
        byte[] oldRoot = MerkleTree.root(all.subList(0, m));
        List<byte[]> proof = MerkleTree.consistencyProof(m, leaves);
        assertThat(hexes(proof)).as("%d -> %d", m, n).isEqualTo(hexes(referenceProof(m, leaves)));
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, proof))
            .as("%d -> %d", m, n).isTrue();
      }
    }
  }

  @Test
  void aConsistencyProofFailsWithAFlippedBit() {
    List<byte[]> all = leaves(32);
    for (int n = 2; n <= all.size(); n++) {
      List<byte[]> leaves = all.subList(0, n);
      byte[] newRoot = MerkleTree.root(leaves);
      for (int m = 1; m < n; m++) {
        byte[] oldRoot = MerkleTree.root(all.subList(0, m));
        List<byte[]> proof = MerkleTree.consistencyProof(m, leaves);
        String at = m + " -> " + n;
        for (int j = 0; j < proof.size(); j++) {
          assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, flipBit(proof, j)))
              .as("%s, proof[%d]", at, j).isFalse();
        }
        assertThat(MerkleTree.verifyConsistency(m, n, flipBit(oldRoot), newRoot, proof))
            .as(at).isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, flipBit(newRoot), proof))
            .as(at).isFalse();
      }
    }
  }

  @Test
  void aConsistencyProofFailsForRewrittenHistory() {
    List<byte[]> leaves = leaves(11);
    for (int m = 1; m < leaves.size(); m++) {
      for (int changed = 0; changed < m; changed++) {
        List<byte[]> forged = new ArrayList<>(leaves);
        forged.set(changed, MerkleTree.leafHash(ascii("forged")));
        // The log signed the honest old tree, then serves a new tree that rewrites one old entry.
        byte[] oldRoot = MerkleTree.root(leaves.subList(0, m));
        assertThat(MerkleTree.verifyConsistency(m, forged.size(), oldRoot, MerkleTree.root(forged),
            MerkleTree.consistencyProof(m, forged))).as("%d changed in %d", changed, m).isFalse();
      }
    }
  }

  @Test
  void aConsistencyProofFailsForWrongSizesOrRoots() {
    // The probes of merkle_tree_test.cc VerifierConsistencyCheck, on every non-trivial vector.
    for (ConsistencyVector v : CT_CONSISTENCY) {
      List<byte[]> proof = unhexAll(v.proof());
      if (proof.isEmpty()) {
        continue;
      }
      int m = v.oldSize();
      int n = v.newSize();
      byte[] r1 = unhex(CT_ROOTS.get(m - 1));
      byte[] r2 = unhex(CT_ROOTS.get(n - 1));
      assertThat(MerkleTree.verifyConsistency(m - 1, n, r1, r2, proof)).as("%s", v).isFalse();
      assertThat(MerkleTree.verifyConsistency(m + 1, n, r1, r2, proof)).as("%s", v).isFalse();
      assertThat(MerkleTree.verifyConsistency(m ^ 2, n, r1, r2, proof)).as("%s", v).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n * 2, r1, r2, proof)).as("%s", v).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n / 2, r1, r2, proof)).as("%s", v).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r2, r1, proof)).as("%s", v).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, List.of())).as("%s", v).isFalse();
      for (List<byte[]> w : List.of(plus(proof, new byte[32]), plus(proof, r1), plus(proof, r2),
          plus(List.of(r1), proof), plus(List.of(proof.get(0)), proof),
          proof.subList(0, proof.size() - 1))) {
        assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, w)).as("%s", v).isFalse();
      }
    }
  }

  @Test
  void equalSizesNeedEqualRootsAndNoProof() {
    byte[] r = unhex(CT_ROOTS.get(2));
    assertThat(MerkleTree.verifyConsistency(3, 3, r, r, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(3, 3, r, flipBit(r), List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(3, 3, r, r, List.of(r))).isFalse();
    assertThat(MerkleTree.consistencyProof(3, CT_LEAVES.subList(0, 3))).isEmpty();
  }

  @Test
  void everyTreeExtendsTheEmptyTree() {
    byte[] empty = MerkleTree.emptyRoot();
    byte[] r = unhex(CT_ROOTS.get(4));
    assertThat(MerkleTree.consistencyProof(0, CT_LEAVES.subList(0, 5))).isEmpty();
    assertThat(MerkleTree.verifyConsistency(0, 5, empty, r, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 5, empty, r, List.of(empty))).isFalse();
    assertThat(MerkleTree.verifyConsistency(0, 5, r, r, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(0, 0, empty, r, List.of())).isFalse();
  }

  @Test
  void aTreeCannotShrink() {
    byte[] r1 = unhex(CT_ROOTS.get(0));
    byte[] r2 = unhex(CT_ROOTS.get(1));
    assertThat(MerkleTree.verifyConsistency(2, 1, r2, r1, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 0, r1, MerkleTree.emptyRoot(), List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(-1, 1, r1, r1, List.of())).isFalse();
    assertThatThrownBy(() -> MerkleTree.consistencyProof(4, CT_LEAVES.subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleTree.consistencyProof(-1, CT_LEAVES))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Hex

  @Test
  void hexRoundTrips() {
    byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff};
    assertThat(hex(bytes)).isEqualTo("0001abff");
    assertThat(unhex("0001ABff")).isEqualTo(bytes);
    assertThat(unhex("")).isEmpty();
    assertThatThrownBy(() -> unhex("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> unhex("zz")).isInstanceOf(IllegalArgumentException.class);
  }

  // RFC 9162 §2.1 written out recursively, as a model for the iterative code.

  static byte[] referenceRoot(List<byte[]> d) {
    if (d.isEmpty()) {
      return MerkleTree.emptyRoot();
    }
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = splitPoint(d.size());
    return MerkleTree.nodeHash(
        referenceRoot(d.subList(0, k)), referenceRoot(d.subList(k, d.size())));
  }

  /** PATH(m, D[n]), RFC 9162 §2.1.3.1. */
  static List<byte[]> referencePath(int m, List<byte[]> d) {
    if (d.size() == 1) {
      return List.of();
    }
    int k = splitPoint(d.size());
    return m < k
        ? plus(referencePath(m, d.subList(0, k)), referenceRoot(d.subList(k, d.size())))
        : plus(referencePath(m - k, d.subList(k, d.size())), referenceRoot(d.subList(0, k)));
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), RFC 9162 §2.1.4.1. */
  static List<byte[]> referenceProof(int m, List<byte[]> d) {
    return referenceSubproof(m, d, true);
  }

  static List<byte[]> referenceSubproof(int m, List<byte[]> d, boolean b) {
    if (m == d.size()) {
      return b ? List.of() : List.of(referenceRoot(d));
    }
    int k = splitPoint(d.size());
    return m <= k
        ? plus(referenceSubproof(m, d.subList(0, k), b), referenceRoot(d.subList(k, d.size())))
        : plus(referenceSubproof(m - k, d.subList(k, d.size()), false),
            referenceRoot(d.subList(0, k)));
  }

  static int splitPoint(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  // Helpers

  static List<byte[]> leaves(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new byte[] {(byte) (i >> 16), (byte) (i >> 8), (byte) i})
        .map(MerkleTree::leafHash)
        .toList();
  }

  static List<String> hexes(List<byte[]> hashes) {
    return hashes.stream().map(MerkleTree::hex).toList();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static List<byte[]> unhexAll(List<String> hexes) {
    return hexes.stream().map(MerkleTree::unhex).toList();
  }

  static byte[] flipBit(byte[] b) {
    byte[] copy = b.clone();
    copy[0] ^= 0x10;
    return copy;
  }

  static List<byte[]> flipBit(List<byte[]> proof, int index) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.set(index, flipBit(proof.get(index)));
    return copy;
  }

  static List<byte[]> plus(List<byte[]> list, byte[] last) {
    List<byte[]> copy = new ArrayList<>(list);
    copy.add(last);
    return copy;
  }

  static List<byte[]> plus(List<byte[]> first, List<byte[]> rest) {
    List<byte[]> copy = new ArrayList<>(first);
    copy.addAll(rest);
    return copy;
  }
}
