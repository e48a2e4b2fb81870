// RegularFile: reading a file that must be a plain file, never blocking on anything else.
//
// Opening a FIFO for reading waits until a writer appears, forever if none does; a character
// device may never end. A session, a weights file or a data file is always a regular file, so the
// file is opened with O_NONBLOCK (which makes opening a FIFO return at once), checked with fstat
// on that very descriptor (no race with a rename between a check and the open), and refused by
// kind when it is not regular. For a regular file O_NONBLOCK changes nothing.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is when it is not a regular file.
public enum FileKind: Sendable, Equatable {
    case folder, fifo, device, socket, other

    /// "a folder", "a FIFO (named pipe)", ...
    public var english: String {
        switch self {
        case .folder: "a folder"
        case .fifo: "a FIFO (named pipe)"
        case .device: "a device"
        case .socket: "a socket"
        case .other: "something other than a plain file"
        }
    }
}

public enum RegularFile {
    /// Why a file could not be read.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missing
        /// It exists but is a FIFO, a folder, a device or a socket ("a FIFO (named pipe)").
        case notRegular(kind: FileKind)
        case unreadable(message: String)

        public var description: String {
            switch self {
            case .missing: "does not exist"
            case .notRegular(let kind): "is \(kind.english), not a regular file"
            case .unreadable(let message): "cannot be read (\(message))"
            }
        }
    }

    /// The file at `url` (its first `limit` bytes), or the problem. Never blocks on a FIFO or device.
    public static func read(_ url: URL, limit: Int = Int.max) throws(Problem) -> Data {
        let fd = openReading(url.path)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .missing : .unreadable(message: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(message: String(cString: strerror(errno))) }
        if let kind = kind(of: info.st_mode) { throw .notRegular(kind: kind) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < limit {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(message: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            data.append(buffer, count: n)
        }
        return data.count > limit ? data.prefix(limit) : data
    }

    /// The whole file at `url`, or nil when it is missing, not a regular file, or unreadable.
    public static func contents(_ url: URL) -> Data? { try? read(url) }

    /// Whether `path` names a regular file (following symbolic links). A FIFO is not opened.
    public static func isRegular(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && kind(of: info.st_mode) == nil
    }

    /// The problem with `path` when it exists but is not a regular file (nil otherwise).
    public static func irregularKind(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(of: info.st_mode)
    }

    /// nil for a regular file, else what it is.
    static func kind(of mode: mode_t) -> FileKind? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFSOCK: .socket
        default: .other
        }
    }

    private static func openReading(_ path: String) -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 || errno != EINTR { return fd }
        }
    }
}

/// The C `read` (RegularFile's own `read` hides it inside the enum).
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
