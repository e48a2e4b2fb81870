// Folder: create a folder and its missing parents (mkdir -p), with FileWriteError on failure.
//
// Writers that own a folder (a TensorBoard run, the sessions folder) create it through this, so a
// failure reads like every other write failure: the path, the OS text, and a hint.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder creation.
public enum Folder {
    /// Creates the folder at `url` and any missing parents. An existing folder is not an error;
    /// an existing file in the way is (`.notAFolder`).
    public static func create(_ url: URL) throws(FileWriteError) {
        let path = url.path
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) == 0 { continue }
            let code = errno
            guard code == EEXIST else {
                throw FileWriteError(path: path, step: "creating the folder \(prefix)", code: code)
            }
            var info = stat()
            if stat(prefix, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                throw FileWriteError(path: path, step: "creating the folder \(prefix) (a file has that name)",
                                     code: ENOTDIR)
            }
        }
    }
}
