// One helper the test targets share: run a program, wait, and return its exit status with its
// standard output and error together.

import Foundation

/// Runs `executable arguments...` (in `folder`, with `environment` added to this process's) and
/// returns its exit status and combined output.
public func runProcess(_ executable: String, _ arguments: [String], in folder: URL? = nil,
                       environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    // Read before waiting: a full pipe would otherwise block the child forever.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs `python3 arguments...` through /usr/bin/env.
public func runPython3(_ arguments: [String], in folder: URL? = nil,
                       environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    try runProcess("/usr/bin/env", ["python3"] + arguments, in: folder, environment: environment)
}
