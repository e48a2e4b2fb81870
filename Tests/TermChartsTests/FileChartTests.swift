// SVG and PNG output: the SVG parses as XML and names every series; the PNG has a valid signature,
// chunk CRCs and zlib stream, and decodes (with zlib) to the same pixels the raster holds.

import CZlib
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TermCharts

@Suite struct SVGChartTests {
    let chart = LineChart(series: [
        LineSeries(name: "sigmoid", values: [2.3, 1.9, 1.2, 0.9, 0.7]),
        LineSeries(name: "relu & <leaky> \"quoted\"", values: [2.3, 0.9, 0.3, 0.1, 0.05]),
        LineSeries(name: "학습률 0.1", values: [2, 1.5, .nan, 0.5, 0.4, 0, 0.2, 0.1]),
    ], title: "cost per epoch", xLabel: "epoch", yScale: .log)

    @Test func isWellFormedXMLNamingEverySeries() throws {
        let svg = chart.svg(width: 640, height: 400)
        let doc = try XMLDocument(xmlString: svg, options: [])
        let root = try #require(doc.rootElement())
        #expect(root.name == "svg")
        // On Linux, attribute(forName:) misses attributes of namespaced elements; read the list instead.
        #expect(root.attributes?.first { $0.name == "width" }?.stringValue == "640")
        let texts = try root.nodes(forXPath: "//*[local-name()='text']").compactMap { $0.stringValue }
        for s in chart.series { #expect(texts.contains(s.name), "\(s.name)") }
        #expect(texts.contains("cost per epoch") && texts.contains("epoch"))
        // Log axis labels are powers of ten.
        for label in ["0.01", "0.1", "1", "10"] { #expect(texts.contains(label)) }
        // One polyline per unbroken run: the third series is cut by NaN and by 0 on the log scale.
        let polylines = try root.nodes(forXPath: "//*[local-name()='polyline']")
        #expect(polylines.count == 5)
    }

    @Test(.enabled(if: findPython() != nil, "needs python3"))
    func pythonAgreesItIsXML() throws {
        let python = try #require(findPython())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("termcharts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("chart.svg")
        try chart.svg().write(to: file, atomically: true, encoding: .utf8)
        let script = "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(len(r.findall('.//{http://www.w3.org/2000/svg}polyline')))"
        let out = try run(python, ["-c", script, file.path])
        #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
    }

    @Test func emptyChartsAreStillDocuments() throws {
        for c in [LineChart(series: []), LineChart(series: [LineSeries(name: "z", values: [0, -1])], yScale: .log)] {
            let doc = try XMLDocument(xmlString: c.svg(width: 10, height: 10), options: [])
            #expect(doc.rootElement()?.name == "svg")
        }
        #expect(SVGWriter.escape("a<b>&\"c'\u{01}\u{1B}[1m") == "a&lt;b&gt;&amp;&quot;c&apos;")
    }
}

@Suite struct PNGTests {
    @Test func checksumsMatchKnownValues() {
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.crc32(Array("6789".utf8), continuing: PNGEncoder.crc32(Array("12345".utf8))) == 0xCBF4_3926)
        let big = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 31) }
        #expect(PNGEncoder.crc32(big) == bitwiseCRC32(big))
    }

    @Test func zlibStreamRoundTrips() throws {
        let data = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        #expect(try inflate(PNGEncoder.zlibCompressed(data), expected: data.count) == data)
        #expect(try inflate(PNGEncoder.zlibCompressed([]), expected: 0) == [])
    }

    @Test func chartsCompress() {
        let chart = LineChart(series: [LineSeries(name: "cost", values: [2.3, 1.1, 0.6, 0.4, 0.3])])
        // 800x500 RGB scanlines are 1.2 MB raw; a chart is mostly white.
        #expect(chart.png(width: 800, height: 500).count < 100_000)
    }

    @Test func chartPNGDecodesToTheRaster() throws {
        let chart = LineChart(series: [LineSeries(name: "cost", values: [2.3, 1.1, 0.6, 0.4, 0.3]),
                                       LineSeries(name: "val", values: [2.4, 1.4, 0.9, 0.8, 0.8])],
                              title: "Cost per epoch", xLabel: "epoch")
        let raster = chart.raster(width: 320, height: 200)
        let png = PNGEncoder.encode(raster)
        let decoded = try decodePNG(png)
        #expect(decoded.width == 320 && decoded.height == 200)
        #expect(decoded.pixels == raster.pixels)
        // The picture is mostly white with both series' colours present.
        let white = countPixels(decoded.pixels) { $0 == (255, 255, 255) }
        #expect(white > 320 * 200 / 2)
        for i in 0..<2 {
            let c = FilePalette.color(i)
            #expect(countPixels(decoded.pixels) { $0 == (c.red, c.green, c.blue) } > 20)
        }
        #expect(chart.png(width: 320, height: 200) == png)
    }

    @Test(.enabled(if: findPython() != nil, "needs python3"))
    func pythonZlibDecodesTheSameStream() throws {
        let python = try #require(findPython())
        let raster = LineChart(series: [LineSeries(name: "a", values: [1, 3, 2])]).raster(width: 300, height: 120)
        let png = PNGEncoder.encode(raster)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("termcharts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("chart.png")
        try Data(png).write(to: file)
        // Python reads the chunks, checks every CRC with zlib.crc32, inflates IDAT with zlib and
        // counts white pixels.
        let script = """
        import sys, zlib, struct
        b = open(sys.argv[1], 'rb').read()
        assert b[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        i, idat, w, h = 8, b'', 0, 0
        while i < len(b):
            n, = struct.unpack('>I', b[i:i+4]); t = b[i+4:i+8]; d = b[i+8:i+8+n]
            crc, = struct.unpack('>I', b[i+8+n:i+12+n])
            assert zlib.crc32(t + d) & 0xffffffff == crc, t
            if t == b'IHDR': w, h = struct.unpack('>II', d[:8])
            if t == b'IDAT': idat += d
            i += 12 + n
        raw = zlib.decompress(idat)
        assert len(raw) == h * (1 + 3 * w)
        white = 0
        for y in range(h):
            row = raw[y * (1 + 3 * w) + 1:(y + 1) * (1 + 3 * w)]
            white += sum(1 for x in range(w) if row[3*x:3*x+3] == b'\\xff\\xff\\xff')
        print(w, h, white)
        """
        let out = try run(python, ["-c", script, file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        let white = countPixels(raster.pixels) { $0 == (255, 255, 255) }
        #expect(out == "300 120 \(white)")
    }

    @Test func bitmapFontCoversWhatChartsPrint() {
        for c in "0123456789.-+e%:/()ABCXYZabcxyz" { #expect(BitmapFont.glyphs[c] != nil, "\(c)") }
        for (c, rows) in BitmapFont.glyphs { #expect(rows.count == 7 || rows.count == 9, "\(c)") }
        #expect(BitmapFont.glyph("한") == BitmapFont.glyph("?"))
        var r = Raster(width: 20, height: 12, background: .white)
        let drawn = r.text("1", x: 0, y: 0, scale: 1, .black)
        #expect(drawn == 6)
        // "1" has 10 ink pixels in the 5x7 font.
        #expect(countPixels(r.pixels) { $0 == (0, 0, 0) } == 10)
    }
}

// MARK: - Independent decoders used by the tests

struct DecodedPNG {
    var width: Int
    var height: Int
    var pixels: [UInt8]
}

enum DecodeError: Error { case bad(String) }

/// Reads PNG chunks, checking each CRC with a bit-by-bit CRC-32 (not the encoder's table).
func decodePNG(_ bytes: [UInt8]) throws -> DecodedPNG {
    guard bytes.count > 8, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw DecodeError.bad("signature") }
    var i = 8, width = 0, height = 0, idat: [UInt8] = [], sawEnd = false
    func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
    while i + 12 <= bytes.count {
        let n = u32(i)
        let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
        let body = Array(bytes[(i + 4)..<(i + 8 + n)])
        guard UInt32(u32(i + 8 + n)) == bitwiseCRC32(body) else { throw DecodeError.bad("crc of \(type)") }
        let data = Array(body.dropFirst(4))
        switch type {
        case "IHDR":
            width = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
            height = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
            guard Array(data[8...]) == [8, 2, 0, 0, 0] else { throw DecodeError.bad("IHDR fields") }
        case "IDAT": idat += data
        case "IEND": sawEnd = true
        default: break
        }
        i += 12 + n
    }
    guard sawEnd, i == bytes.count else { throw DecodeError.bad("IEND") }
    let raw = try inflate(idat, expected: height * (1 + 3 * width))
    var pixels: [UInt8] = []
    let stride = 1 + 3 * width
    for y in 0..<height {
        let start: Int = y * stride
        guard raw[start] == 0 else { throw DecodeError.bad("filter") }
        pixels += raw[(start + 1)..<(start + stride)]
    }
    return DecodedPNG(width: width, height: height, pixels: pixels)
}

/// Inflates a zlib stream with zlib itself, expecting exactly `expected` bytes.
func inflate(_ s: [UInt8], expected: Int) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: max(expected, 1))
    var size = uLong(out.count)
    guard uncompress(&out, &size, s, uLong(s.count)) == Z_OK, Int(size) == expected else {
        throw DecodeError.bad("zlib stream")
    }
    return Array(out.prefix(expected))
}

func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
}

func countPixels(_ rgb: [UInt8], _ match: ((UInt8, UInt8, UInt8)) -> Bool) -> Int {
    stride(from: 0, to: rgb.count - 2, by: 3).reduce(0) { $0 + (match((rgb[$1], rgb[$1 + 1], rgb[$1 + 2])) ? 1 : 0) }
}

func findPython() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/python3") {
        return "\(dir)/python3"
    }
    return nil
}

func run(_ executable: String, _ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw DecodeError.bad("\(executable) exited \(p.terminationStatus)") }
    return String(decoding: data, as: UTF8.self)
}
