// PNG encoding of an RGB raster: the signature, an IHDR chunk (8-bit truecolour), one IDAT chunk
// holding the zlib stream of the scanlines, and IEND. Each chunk ends with the CRC-32 of its type
// and data. zlib (already linked for gzip) does the deflating and the CRC: an 800x500 chart, mostly
// white, comes out well under 100 KB (a test checks) instead of the 1.2 MB its raw scanlines take.
//
// Not here: drawing (Raster.swift).

import CZlib

/// Encodes rasters as PNG files.
public enum PNGEncoder {
    /// The PNG file bytes of `raster`.
    public static func encode(_ raster: Raster) -> [UInt8] {
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

        var header: [UInt8] = []
        appendBigEndian(&header, UInt32(raster.width))
        appendBigEndian(&header, UInt32(raster.height))
        header += [8, 2, 0, 0, 0]  // bit depth 8, colour type 2 (RGB), deflate, adaptive filters, no interlace
        appendChunk(&file, "IHDR", header)

        // Scanlines: a filter-type byte (0, none) before each row of RGB bytes.
        let rowBytes = raster.width * 3
        var raw: [UInt8] = []
        raw.reserveCapacity((rowBytes + 1) * raster.height)
        raster.pixels.withUnsafeBufferPointer { p in
            for y in 0..<raster.height {
                raw.append(0)
                raw.append(contentsOf: p[(y * rowBytes)..<((y + 1) * rowBytes)])
            }
        }
        appendChunk(&file, "IDAT", zlibCompressed(raw))
        appendChunk(&file, "IEND", [])
        return file
    }

    /// A zlib stream (RFC 1950) of `data`, deflated at zlib's default level.
    static func zlibCompressed(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&out, &size, data, uLong(data.count), Z_DEFAULT_COMPRESSION)
        // compressBound leaves room for any input, so only running out of memory can fail here.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status) on \(data.count) bytes")
        out.removeSubrange(Int(size)...)
        return out
    }

    /// CRC-32 as PNG and zlib use it (reflected polynomial 0xEDB88320), computed by zlib.
    static func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        UInt32(CZlib.crc32(uLong(crc), bytes, uInt(bytes.count)))
    }

    private static func appendChunk(_ file: inout [UInt8], _ type: String, _ data: [UInt8]) {
        appendBigEndian(&file, UInt32(data.count))
        let typeBytes = Array(type.utf8)
        file += typeBytes
        file += data
        appendBigEndian(&file, crc32(data, continuing: crc32(typeBytes)))
    }

    private static func appendBigEndian(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
