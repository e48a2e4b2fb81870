// How fast the REPL is ready: nnlab started with a pipe that says `quit`, timed from spawn to
// exit (an upper bound on the time to the first prompt: start-up, reading the command, leaving).

import Foundation

/// Median seconds over `runs` launches of `nnlab` answering `quit` on a pipe, or nil if it is missing.
func replStartup(binary: String, runs: Int = 15) -> Double? {
    guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
    var times: [Double] = []
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = now()
        do { try process.run() } catch { return nil }
        input.fileHandleForWriting.write(Data("quit force\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}
