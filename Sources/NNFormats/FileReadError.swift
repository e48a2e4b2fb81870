// FileReadError and readWholeFile: reading a file into memory with an error that names it.
//
// Foundation's Data(contentsOf:) reports failures as a generic CocoaError; the formats here want the
// path and the OS text in every message, so they read through this small POSIX helper instead.

import Foundation
import LabKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read at all (missing, a folder, no permission).
public struct FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path that was asked for.
    public let path: String
    /// The errno value.
    public let code: Int32

    /// A failure reading `path` with errno `code`.
    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    /// The operating system's text for `code`.
    public var osMessage: String { osErrorText(code) }

    /// "cannot read x.safetensors (No such file or directory)".
    public var description: String { "cannot read \(path) (\(osMessage))" }
}

/// The whole file at `path`, read with one allocation (the size is taken from fstat).
func readWholeFile(_ path: String) throws(FileReadError) -> Data {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { _ = close(fd) }

    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, code: errno) }
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw FileReadError(path: path, code: EISDIR) }

    var data = Data(count: Int(info.st_size))
    var failure: Int32 = 0
    let filled = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int in
        var done = 0
        while done < buffer.count, let base = buffer.baseAddress {
            let n = read(fd, base + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return done
            }
            if n == 0 { break }   // the file shrank while we read it
            done += n
        }
        return done
    }
    if failure != 0 { throw FileReadError(path: path, code: failure) }
    if filled < data.count { data.count = filled }
    return data
}
