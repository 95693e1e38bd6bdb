@testable import BimehServer
import Foundation
import Testing

/// The audit log's Merkle tree must be RFC 6962's exactly, or an auditor's own implementation
/// would not agree with its roots and proofs: the reference leaves and roots of Certificate
/// Transparency, then every proof of every tree size up to 40 round-trips and nothing altered does.
@Suite("Merkle tree of the audit log (RFC 6962)")
struct MerkleTreeTests {
    static let inputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
    static let leaves = inputs.map { MerkleTree.leafHash(Hex.decode($0)!) }

    static func hex(_ hashes: [MerkleTree.Hash]) -> [String] { hashes.map { Hex.encode($0) } }

    @Test("the roots of the reference leaves for sizes 0…8, by the tree and by the frontier")
    func referenceRoots() {
        #expect(Hex.encode(MerkleTree.root([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var frontier = MerkleFrontier()
        for n in 1...8 {
            #expect(Hex.encode(MerkleTree.root(Self.leaves[..<n])) == Self.roots[n - 1], "size \(n)")
            frontier.append(Self.leaves[n - 1])
            #expect(Hex.encode(frontier.root) == Self.roots[n - 1], "frontier at size \(n)")
        }
    }

    @Test("the reference inclusion proofs (leaf 0 and leaf 5 of 8) and consistency proof (2 → 5)")
    func referenceProofs() {
        #expect(Self.hex(MerkleTree.inclusionProof(index: 0, leaves: Self.leaves[...])) == [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ])
        #expect(Self.hex(MerkleTree.inclusionProof(index: 5, leaves: Self.leaves[...])) == [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ])
        #expect(Self.hex(MerkleTree.consistencyProof(oldSize: 2, leaves: Self.leaves[..<5])) == [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ])
    }

    @Test("every inclusion and consistency proof up to 40 leaves verifies; a flipped, cut or misplaced one does not")
    func proofsRoundTrip() {
        let leaves = (0..<40).map { MerkleTree.leafHash([UInt8($0), UInt8(truncatingIfNeeded: $0 &* 7)]) }
        let roots = (0...40).map { MerkleTree.root(leaves[..<$0]) }
        for n in 1...40 {
            for i in 0..<n {
                let proof = MerkleTree.inclusionProof(index: i, leaves: leaves[..<n])
                #expect(MerkleTree.verifyInclusion(index: i, size: n, leaf: leaves[i], proof: proof, root: roots[n]))
                #expect(!MerkleTree.verifyInclusion(index: i, size: n, leaf: leaves[(i + 1) % 40], proof: proof, root: roots[n]))
                if !proof.isEmpty {
                    var flipped = proof
                    flipped[0][3] ^= 0x01
                    #expect(!MerkleTree.verifyInclusion(index: i, size: n, leaf: leaves[i], proof: flipped, root: roots[n]))
                    #expect(!MerkleTree.verifyInclusion(index: i, size: n, leaf: leaves[i], proof: Array(proof.dropLast()), root: roots[n]))
                }
            }
            for m in 0...n {
                let proof = MerkleTree.consistencyProof(oldSize: m, leaves: leaves[..<n])
                #expect(MerkleTree.verifyConsistency(oldSize: m, newSize: n, oldRoot: roots[m], newRoot: roots[n], proof: proof), "\(m) → \(n)")
                if m > 0, m < n {
                    var flipped = proof
                    flipped[flipped.count - 1][0] ^= 0x80
                    #expect(!MerkleTree.verifyConsistency(oldSize: m, newSize: n, oldRoot: roots[m], newRoot: roots[n], proof: flipped))
                    #expect(!MerkleTree.verifyConsistency(oldSize: m, newSize: n, oldRoot: roots[m - 1], newRoot: roots[n], proof: proof))
                }
            }
        }
    }

    @Test("a frontier saved as JSON and extended gives the root of the whole tree")
    func frontierRoundTrip() throws {
        let leaves = (0..<37).map { MerkleTree.leafHash([UInt8($0)]) }
        var frontier = MerkleFrontier()
        for leaf in leaves[..<21] { frontier.append(leaf) }
        var restored = try JSONDecoder().decode(MerkleFrontier.self, from: try JSONEncoder().encode(frontier))
        #expect(restored.size == 21)
        // 21 = 16 + 4 + 1: three perfect subtrees
        #expect(restored.subtrees.map(\.size) == [16, 4, 1])
        for leaf in leaves[21...] { restored.append(leaf) }
        #expect(restored.root == MerkleTree.root(leaves))
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(MerkleFrontier.self, from: Data(#"{"subtrees":[{"size":3,"hash":"00"}]}"#.utf8))
        }
    }
}
