// PNG encoding of an RGB raster with no library: the signature, an IHDR chunk (8-bit truecolour),
// one IDAT chunk holding a zlib stream of stored (uncompressed) deflate blocks, and IEND. Each
// chunk ends with the CRC-32 of its type and data; the zlib stream ends with the Adler-32 of the
// raw scanlines. Files are large (3 bytes per pixel plus a filter byte per row) but every viewer
// opens them, and the code stays small enough to check by eye against RFC 1950/1951 and the PNG spec.
//
// Not here: drawing (Raster.swift) or compressing (the module imports nothing but Foundation).

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
        appendChunk(&file, "IDAT", zlibStored(raw))
        appendChunk(&file, "IEND", [])
        return file
    }

    /// A zlib stream (RFC 1950) of `data` in stored deflate blocks (RFC 1951, BTYPE 00).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KB window; FLG 0x01 makes (CMF * 256 + FLG) a multiple of 31.
        var out: [UInt8] = [0x78, 0x01]
        out.reserveCapacity(data.count + data.count / 65535 * 5 + 16)
        var offset = 0
        repeat {
            let length = min(65535, data.count - offset)
            let final = offset + length == data.count
            out.append(final ? 1 : 0)  // BFINAL bit, BTYPE 00; the rest of the byte is padding
            out.append(UInt8(length & 0xFF))
            out.append(UInt8(length >> 8))
            out.append(UInt8(~length & 0xFF))
            out.append(UInt8((~length >> 8) & 0xFF))
            out.append(contentsOf: data[offset..<(offset + length)])
            offset += length
        } while offset < data.count
        appendBigEndian(&out, adler32(data))
        return out
    }

    /// Adler-32 (RFC 1950): two running sums modulo 65521.
    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < data.count {
            // 5552 bytes is the most that can be summed before b could overflow 32 bits.
            let end = min(data.count, i + 5552)
            while i < end {
                a += UInt32(data[i])
                b += a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
        return (b << 16) | a
    }

    /// CRC-32 as PNG and zlib use it (reflected polynomial 0xEDB88320, initial and final inversion).
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private static func appendChunk(_ file: inout [UInt8], _ type: String, _ data: [UInt8]) {
        appendBigEndian(&file, UInt32(data.count))
        let typeBytes = Array(type.utf8)
        file += typeBytes
        file += data
        appendBigEndian(&file, crc32(typeBytes + data))
    }

    private static func appendBigEndian(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
