// DataIdentity: what a data set was made from, so a replayed session can tell whether it is
// running on the same data.
//
// For data read from files: the set's name and parameters and, per file, its name, size and
// SHA-256 as stored on disk. For generated data: the generator's parameters and the seed the
// examples were drawn from (equal seeds and parameters give equal examples). The identity
// says nothing about how the data will be used (batch size, model): only what the data is.

import Foundation

/// One file a data set was read from.
public struct FileIdentity: Codable, Equatable, Sendable {
    /// What the file is for ("train-images", "table", ...), the same whatever it is called.
    public var role: String
    /// The file's name (without its folder: folders differ between machines).
    public var name: String
    /// Size on disk in bytes.
    public var bytes: Int64
    /// SHA-256 of the file as stored, lowercase hex.
    public var sha256: String

    public init(role: String, name: String, bytes: Int64, sha256: String) {
        self.role = role
        self.name = name
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The identity of a loaded data set.
public struct DataIdentity: Codable, Equatable, Sendable, CustomStringConvertible {
    /// The catalog name ("mnist", "csv", "spiral", ...).
    public var name: String
    /// Parameters that shape the data (split sizes, seed, noise, label column, limit...).
    public var parameters: [String: String]
    /// The files read, in a fixed order (empty for generated sets).
    public var files: [FileIdentity]

    public init(name: String, parameters: [String: String] = [:], files: [FileIdentity] = []) {
        self.name = name
        self.parameters = parameters
        self.files = files
    }

    /// One line per difference from `other` (empty when both describe the same data). File
    /// names are not compared: a file renamed but with the same bytes is the same data.
    public func differences(from other: DataIdentity) -> [String] {
        var out: [String] = []
        if name != other.name { out.append("data set \(name) vs \(other.name)") }
        for key in Set(parameters.keys).union(other.parameters.keys).sorted()
        where parameters[key] != other.parameters[key] {
            out.append("\(key)=\(parameters[key] ?? "(none)") vs \(other.parameters[key] ?? "(none)")")
        }
        let mine = Dictionary(files.map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
        let theirs = Dictionary(other.files.map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
        for role in Set(mine.keys).union(theirs.keys).sorted() {
            switch (mine[role], theirs[role]) {
            case let (a?, b?) where a.sha256 != b.sha256 || a.bytes != b.bytes:
                out.append("\(role): \(a.name) (\(a.bytes) bytes, sha256 \(a.sha256.prefix(12))) "
                           + "vs \(b.name) (\(b.bytes) bytes, sha256 \(b.sha256.prefix(12)))")
            case let (a?, nil): out.append("\(role): \(a.name) vs no file")
            case let (nil, b?): out.append("\(role): no file vs \(b.name)")
            default: break
            }
        }
        return out
    }

    /// True when `other` describes the same data (see `differences(from:)`).
    public func sameData(as other: DataIdentity) -> Bool { differences(from: other).isEmpty }

    /// A one-line summary: `mnist seed=.. files: train-images-idx3-ubyte (47040016 bytes, sha256 ...)`.
    public var description: String {
        var parts = [name]
        parts += parameters.keys.sorted().map { "\($0)=\(parameters[$0] ?? "")" }
        if !files.isEmpty {
            parts.append("files: " + files.map { "\($0.name) (\($0.bytes) bytes, sha256 \($0.sha256.prefix(12)))" }
                .joined(separator: ", "))
        }
        return parts.joined(separator: " ")
    }
}
