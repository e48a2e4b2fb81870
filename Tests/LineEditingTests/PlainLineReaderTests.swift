// The plain reader over pipes and files: line endings, a missing final newline, bad UTF-8,
// chunk boundaries, and a history that stays empty.

import Foundation
import LineEditing
import Testing

@Suite("Plain line reader")
struct PlainLineReaderTests {
    /// All reads of `bytes` through a pipe until end of input.
    private func readAll(_ bytes: [UInt8]) throws -> [LineRead] {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        let reader = PlainLineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
        var reads: [LineRead] = []
        while true {
            let read = reader.readLine(prompt: "nnlab> ")
            reads.append(read)
            if read == .endOfInput || reads.count > 100 { break }
        }
        return reads
    }

    @Test("lines, empty lines and a last line without newline")
    func lines() throws {
        #expect(try readAll(Array("layer add dense 512 relu\n\ntrain epochs=15\nlast".utf8)) == [
            .line("layer add dense 512 relu"), .line(""), .line("train epochs=15"), .line("last"), .endOfInput,
        ])
    }

    @Test("CRLF endings lose their CR; a lone CR inside a line stays")
    func crlf() throws {
        #expect(try readAll(Array("one\r\ntwo\r\nthr\ree\r".utf8)) == [
            .line("one"), .line("two"), .line("thr\ree"), .endOfInput,
        ])
    }

    @Test("invalid UTF-8 becomes U+FFFD and reading goes on; Korean is intact")
    func invalidUTF8() throws {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A, 0xEC, 0x95, 0x0A] + Array("안녕\n".utf8)
        #expect(try readAll(bytes) == [.line("a\u{FFFD}b"), .line("\u{FFFD}"), .line("안녕"), .endOfInput])
    }

    @Test("empty input is at once the end, and stays the end")
    func emptyInput() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.close()
        let reader = PlainLineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
        #expect(reader.readLine(prompt: "") == .endOfInput)
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }

    @Test("a long input crossing many read chunks comes back line for line")
    func longInput() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("script.txt")
        let lines = (0..<20_000).map { "layer add dense \($0) relu # 한국어 \(String(repeating: "x", count: $0 % 97))" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let reader = PlainLineReader(fileDescriptor: handle.fileDescriptor)
        var read: [String] = []
        while case .line(let line) = reader.readLine(prompt: "") { read.append(line) }
        #expect(read.count == lines.count)
        #expect(read == lines)
    }

    @Test("no history: adding does nothing and saving leaves an existing file alone")
    func noHistory() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("history")
        try Data("kept\n".utf8).write(to: file)
        let reader = PlainLineReader(fileDescriptor: -1)
        reader.addHistory("train")
        #expect(reader.history.isEmpty)
        try reader.saveHistory(to: file)
        try reader.loadHistory(from: file)
        #expect(reader.history.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == "kept\n")
    }

    @Test("a closed descriptor reads as the end of input, not a crash")
    func badDescriptor() {
        #expect(PlainLineReader(fileDescriptor: -1).readLine(prompt: "") == .endOfInput)
    }
}
