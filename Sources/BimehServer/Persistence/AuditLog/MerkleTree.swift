import Crypto
import Foundation

/// The Merkle tree of RFC 6962 / RFC 9162 §2.1 over the audit records, the structure
/// Certificate Transparency logs publish: a root hash commits to every record up to a tree
/// size, an inclusion proof shows one record is under a root, a consistency proof shows an
/// older root's records are all still the first records under a newer one. Hashes are 32 bytes.
enum MerkleTree {
    typealias Hash = [UInt8]

    /// The root of the empty tree: SHA-256 of nothing.
    static let emptyRoot: Hash = Array(SHA256.hash(data: Data()))

    /// A leaf's hash: SHA-256(0x00 ‖ data), so a leaf can never pass for an inner node.
    static func leafHash(_ data: some DataProtocol) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: data)
        return Array(hasher.finalize())
    }

    /// An inner node's hash: SHA-256(0x01 ‖ left ‖ right).
    static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The largest power of two smaller than `n` (n ≥ 2): where RFC 6962 splits a tree.
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// MTH(D[n]) over leaf hashes, bottom-up: an odd node at the end of a level moves up
    /// unchanged, which gives exactly the tree of RFC 6962's recursive definition.
    static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        guard !leaves.isEmpty else { return emptyRoot }
        var level = Array(leaves)
        while level.count > 1 {
            var next: [Hash] = []
            next.reserveCapacity((level.count + 1) / 2)
            var i = 0
            while i + 1 < level.count {
                next.append(nodeHash(level[i], level[i + 1]))
                i += 2
            }
            if i < level.count { next.append(level[i]) }
            level = next
        }
        return level[0]
    }

    static func root(_ leaves: [Hash]) -> Hash { root(leaves[...]) }

    /// PATH(m, D[n]) of RFC 6962 §2.1.1: the siblings from leaf `index` up to the root.
    static func inclusionProof(index: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        precondition(index >= 0 && index < leaves.count, "index outside the tree")
        if leaves.count == 1 { return [] }
        let k = split(leaves.count)
        let start = leaves.startIndex
        if index < k {
            return inclusionProof(index: index, leaves: leaves[start..<start + k]) + [root(leaves[(start + k)...])]
        }
        return inclusionProof(index: index - k, leaves: leaves[(start + k)...]) + [root(leaves[start..<start + k])]
    }

    /// PROOF(m, D[n]) of RFC 6962 §2.1.2 for 0 < m ≤ n: what shows the tree of the first `m`
    /// leaves is a prefix of the tree of all of them.
    static func consistencyProof(oldSize m: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        precondition(m >= 0 && m <= leaves.count, "old size outside the tree")
        guard m > 0, m < leaves.count else { return [] }
        return subproof(m, leaves, complete: true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<Hash>, complete: Bool) -> [Hash] {
        let n = leaves.count
        if m == n { return complete ? [] : [root(leaves)] }
        let k = split(n)
        let start = leaves.startIndex
        if m <= k {
            return subproof(m, leaves[start..<start + k], complete: complete) + [root(leaves[(start + k)...])]
        }
        return subproof(m - k, leaves[(start + k)...], complete: false) + [root(leaves[start..<start + k])]
    }

    /// RFC 9162 §2.1.3.2: does `proof` lead from the leaf at `index` to `root` of a tree of `size`?
    static func verifyInclusion(index: Int, size: Int, leaf: Hash, proof: [Hash], root: Hash) -> Bool {
        guard index >= 0, index < size, leaf.count == 32, root.count == 32, proof.allSatisfy({ $0.count == 32 }) else { return false }
        var fn = index, sn = size - 1
        var r = leaf
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1; sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// RFC 9162 §2.1.4.2: does `proof` show the tree of `oldSize` with `oldRoot` is the prefix
    /// of the tree of `newSize` with `newRoot`?
    static func verifyConsistency(oldSize: Int, newSize: Int, oldRoot: Hash, newRoot: Hash, proof: [Hash]) -> Bool {
        guard oldSize >= 0, oldSize <= newSize, oldRoot.count == 32, newRoot.count == 32,
              proof.allSatisfy({ $0.count == 32 }) else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == emptyRoot }
        guard !proof.isEmpty else { return false }
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1; sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }
}

/// The right edge of a growing tree: the roots of its perfect subtrees, largest first (at most
/// log₂ n of them). Appending a leaf merges equal-sized subtrees, so a checkpoint can be
/// extended by the records written since the last one without reading the older ones again.
struct MerkleFrontier: Codable, Equatable, Sendable {
    struct Subtree: Codable, Equatable, Sendable {
        var size: Int
        var hash: String
    }

    private(set) var size = 0
    private var stack: [(size: Int, hash: MerkleTree.Hash)] = []

    init() {}

    mutating func append(_ leaf: MerkleTree.Hash) {
        var node = (size: 1, hash: leaf)
        while let last = stack.last, last.size == node.size {
            stack.removeLast()
            node = (size: last.size * 2, hash: MerkleTree.nodeHash(last.hash, node.hash))
        }
        stack.append(node)
        size += 1
    }

    /// The RFC 6962 root of the leaves appended so far: the subtrees folded from the right.
    var root: MerkleTree.Hash {
        guard var r = stack.last?.hash else { return MerkleTree.emptyRoot }
        for subtree in stack.dropLast().reversed() { r = MerkleTree.nodeHash(subtree.hash, r) }
        return r
    }

    var subtrees: [Subtree] { stack.map { Subtree(size: $0.size, hash: Hex.encode($0.hash)) } }

    init(subtrees: [Subtree]) throws {
        var sizes = 0
        var previous = Int.max
        for subtree in subtrees {
            guard subtree.size > 0, subtree.size & (subtree.size - 1) == 0, subtree.size < previous,
                  let hash = Hex.decode(subtree.hash), hash.count == 32 else { throw Hex.Malformed() }
            stack.append((subtree.size, hash))
            sizes += subtree.size
            previous = subtree.size
        }
        size = sizes
    }

    static func == (a: MerkleFrontier, b: MerkleFrontier) -> Bool { a.subtrees == b.subtrees }

    enum CodingKeys: String, CodingKey { case subtrees }

    init(from decoder: any Decoder) throws {
        try self.init(subtrees: try decoder.container(keyedBy: CodingKeys.self).decode([Subtree].self, forKey: .subtrees))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subtrees, forKey: .subtrees)
    }
}

/// Hexadecimal, as the audit records store their hashes (lower case, `Secrets.hex`).
enum Hex {
    struct Malformed: Error {}

    static func encode(_ bytes: some Sequence<UInt8>) -> String { Secrets.hex(bytes) }

    static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
