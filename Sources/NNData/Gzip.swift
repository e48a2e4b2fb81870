// Gzip: reading (and, for tests and exports, writing) files through zlib's gz* functions.
//
// zlib's gzread reads gzip files decompressed and any other file as it is ("transparent" mode),
// so one reader serves `train-images-idx3-ubyte` and `train-images-idx3-ubyte.gz` alike.
// Foundation cannot gunzip on Linux, hence zlib. This file knows nothing about IDX or CSV.

import CZlib
import Foundation
import LabKit

/// A file opened for reading through zlib; gzip data is decompressed on the fly.
final class GzipReader {
    /// The path as the user gave it (for messages).
    let path: String
    private var file: gzFile?
    /// Bytes handed out so far (decompressed).
    private(set) var bytesRead = 0

    /// Opens `path`; refuses a missing path, a folder and an empty file with a clear error.
    init(path: String) throws(DataError) {
        self.path = path
        try FileChecks.requireNonEmptyFile(path)
        guard let f = gzopen(path, "rb") else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        // A large buffer halves the time spent in read(2) calls for 47 MB files.
        gzbuffer(f, 1 << 18)
        file = f
    }

    deinit { if let file { gzclose_r(file) } }

    /// Reads up to `count` bytes into `buffer`; fewer means the data ended. Throws when the gzip
    /// stream is damaged (including a stream that stops before its end marker).
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(DataError) -> Int {
        guard let file else { return 0 }
        var done = 0
        while done < count {
            // gzread takes an unsigned int and returns an int: keep each call well inside both.
            let chunk = UInt32(min(count - done, 1 << 24))
            let n = Int(gzread(file, buffer + done, chunk))
            if n < 0 { throw streamError(fallback: "read error") }
            if n == 0 { break }
            done += n
        }
        bytesRead += done
        try checkStream()
        return done
    }

    /// Reads what is left and returns how many bytes that was (0 when the data ended cleanly).
    func drain() throws(DataError) -> Int {
        let size = 1 << 16
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { scratch.deallocate() }
        var total = 0
        while true {
            let n = try read(into: scratch, count: size)
            total += n
            if n < size { return total }
        }
    }

    /// Closes the file; zlib reports a stream cut short only here in some versions.
    func close() throws(DataError) {
        guard let f = file else { return }
        file = nil
        let status = gzclose_r(f)
        if status == Z_BUF_ERROR {
            throw .corruptGzip(path: path, reason: "the compressed data ends early")
        }
        if status != Z_OK {
            throw .corruptGzip(path: path, reason: "zlib status \(status) on close")
        }
    }

    /// Turns zlib's sticky error state into a DataError.
    private func checkStream() throws(DataError) {
        guard let file else { return }
        var code: Int32 = Z_OK
        _ = gzerror(file, &code)
        if code == Z_OK { return }
        throw streamError(fallback: "zlib error \(code)")
    }

    private func streamError(fallback: String) -> DataError {
        guard let file else { return .corruptGzip(path: path, reason: fallback) }
        var code: Int32 = Z_OK
        let text = gzerror(file, &code).map { String(cString: $0) } ?? fallback
        switch code {
        case Z_BUF_ERROR:
            return .corruptGzip(path: path, reason: "the compressed data ends early")
        case Z_ERRNO:
            return .unreadable(path: path, reason: String(cString: strerror(errno)))
        default:
            return .corruptGzip(path: path, reason: text.isEmpty ? fallback : text)
        }
    }
}

/// Whole-file helpers built on zlib.
public enum Gzip {
    /// The file's bytes, decompressed when it is gzip data.
    public static func readAll(path: String) throws(DataError) -> [UInt8] {
        let reader = try GzipReader(path: path)
        var out: [UInt8] = []
        let size = 1 << 20
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = try reader.read(into: chunk, count: size)
            out.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: n))
            if n < size { break }
        }
        try reader.close()
        return out
    }

    /// Writes `bytes` gzip-compressed to `path` (replacing it). For tests and exports.
    public static func write(_ bytes: [UInt8], to path: String, level: Int = 6) throws(DataError) {
        guard let f = gzopen(path, "wb\(max(0, min(level, 9)))") else {
            throw .unreadable(path: path, reason: "cannot create: \(String(cString: strerror(errno)))")
        }
        var written = 0
        while written < bytes.count {
            let chunk = min(bytes.count - written, 1 << 24)
            let n = bytes.withUnsafeBytes { gzwrite(f, $0.baseAddress! + written, UInt32(chunk)) }
            if n <= 0 {
                gzclose_w(f)
                throw .unreadable(path: path, reason: "gzip write failed")
            }
            written += Int(n)
        }
        if gzclose_w(f) != Z_OK { throw .unreadable(path: path, reason: "gzip close failed") }
    }

    /// Decompresses the gzip file `source` into `destination` (replacing it), streaming.
    static func decompress(_ source: String, to destination: String) throws(DataError) {
        let reader = try GzipReader(path: source)
        guard FileManager.default.createFile(atPath: destination, contents: nil),
              let out = FileHandle(forWritingAtPath: destination) else {
            throw .unreadable(path: destination, reason: "cannot create the file")
        }
        defer { try? out.close() }
        let size = 1 << 20
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = try reader.read(into: chunk, count: size)
            if n > 0 {
                do { try out.write(contentsOf: Data(bytes: chunk, count: n)) } catch {
                    throw .unreadable(path: destination, reason: "write failed: \(error.localizedDescription)")
                }
            }
            if n < size { break }
        }
        try reader.close()
    }
}

/// Existence checks shared by the readers, so every reader words them the same way.
enum FileChecks {
    /// Throws unless `path` is an existing, non-empty regular file.
    static func requireNonEmptyFile(_ path: String) throws(DataError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .missingFile(path: path, hint: .checkPath(relativeTo: path.hasPrefix("/") ? nil : FileManager.default.currentDirectoryPath))
        }
        if isFolder.boolValue { throw .notAFile(path: path) }
        // A FIFO or a device would block the open or never end: data files are regular files.
        if let kind = RegularFile.irregularKind(path) { throw .notRegular(path: path, kind: kind) }
        if fileSize(path) == 0 { throw .emptyFile(path: path) }
    }

    /// Size in bytes, or nil when the file cannot be examined.
    static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.int64Value
    }

    /// True when `path` is an existing folder.
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
