// FileDigest: MD5 and SHA-256 of a file on disk, streamed in 1 MB chunks.
//
// Used to check downloaded and fetched files against published MD5s and to fingerprint data
// files for a data set's identity. The file is hashed as stored (a .gz file is not unpacked).
// The hashing itself is swift-crypto's.

import Crypto
import Foundation
import LabKit

/// Checksums of files on disk, read in 1 MB chunks.
public enum FileDigest {
    /// The MD5 and SHA-256 (lowercase hex) of the file at `path`, as stored (not decompressed).
    /// Pass `md5: false` or `sha256: false` to skip one.
    public static func of(path: String, md5 wantMD5: Bool = true,
                          sha256 wantSHA: Bool = true) throws(DataError) -> (md5: String?, sha256: String?) {
        if let kind = RegularFile.irregularKind(path) { throw .notRegular(path: path, kind: kind) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw .unreadable(path: path, reason: "permission denied or not a file")
            }
            throw .missingFile(path: path, hint: .checkPath(relativeTo: nil))
        }
        defer { try? handle.close() }
        var md5 = Insecure.MD5(), sha = SHA256()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            if wantMD5 { md5.update(data: chunk) }
            if wantSHA { sha.update(data: chunk) }
        }
        return (wantMD5 ? Digest.hex(md5.finalize()) : nil, wantSHA ? Digest.hex(sha.finalize()) : nil)
    }
}
