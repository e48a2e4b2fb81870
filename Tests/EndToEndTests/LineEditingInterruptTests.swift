// End-to-end checks of Ctrl-C and piped input: Ctrl-C at the prompt gives a fresh prompt,
// Ctrl-C during work sets the flag without killing anything (twice), and a pipe is read plainly
// (and does not crash libedit when it is forced onto one).

import Foundation
import Testing

@Suite("Ctrl-C and piped input, end to end", .enabled(if: LineEditDemo.path != nil, LineEditDemo.notBuiltMessage))
struct LineEditingInterruptTests {
    @Test("Ctrl-C at the prompt discards the line, gives a fresh prompt and keeps running")
    func ctrlCAtPrompt() throws {
        let terminal = try LineEditDemo.start()
        try terminal.send("layer add dense 10 par")
        try terminal.waitFor("par")
        try terminal.send(Key.ctrlC)
        try terminal.waitFor("^C\ninterrupted\n" + LineEditDemo.prompt)
        #expect(terminal.isRunning)
        try terminal.submit("after", expecting: "after")
        try terminal.send(Key.ctrlD)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test("Ctrl-C during work sets the flag; a second Ctrl-C while it is set does not kill")
    func ctrlCDuringWork() throws {
        let terminal = try LineEditDemo.start()
        try terminal.send("busy" + Key.enter)
        try terminal.waitFor("busy: waiting for Ctrl-C")
        try terminal.send(Key.ctrlC)
        try terminal.waitFor("flag set")
        try terminal.send(Key.ctrlC)  // the demo holds the flag for a second before taking it
        try terminal.waitFor("stopped (took=true)")
        try terminal.waitFor(LineEditDemo.prompt)
        try terminal.submit("still here", expecting: "still here")
        try terminal.send(Key.ctrlD)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test("piped input picks the plain reader: no prompt, CRLF and a last line without newline")
    func pipedInputUsesPlainReader() throws {
        let output = try runWithPipe(input: Array("layer\r\n안녕\nlast".utf8), editor: nil)
        #expect(output == "editor: plain\n" + [LineEditDemo.echo("layer"), LineEditDemo.echo("안녕"),
                                               LineEditDemo.echo("last"), "bye"].joined(separator: "\n") + "\n")
    }

    @Test("libedit forced onto a pipe reads the lines and exits cleanly")
    func libeditOnPipe() throws {
        let output = try runWithPipe(input: Array("train epochs=2\n안녕\n".utf8), editor: "libedit")
        #expect(output.hasPrefix("editor: libedit\n"))
        #expect(output.contains(LineEditDemo.echo("train epochs=2")))
        #expect(output.contains(LineEditDemo.echo("안녕")))
        #expect(output.hasSuffix("bye\n"))
    }

    /// Runs the demo with `input` on a pipe and returns its standard output (status must be 0).
    private func runWithPipe(input: [UInt8], editor: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(LineEditDemo.path))
        var environment = ProcessInfo.processInfo.environment
        environment["LINEEDIT_DEMO_EDITOR"] = editor
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
