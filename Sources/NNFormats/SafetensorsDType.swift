// SafetensorsDType: the element types a safetensors header can name, their sizes, and how the
// floating-point ones become Float.
//
// nnlab computes in Float32. It reads F32 as is and widens or narrows the other float types on the
// way in: F16 and BF16 exactly (every half and bfloat16 value is a Float), F64 by rounding to the
// nearest Float. Integer, boolean and 8-bit float tensors are known (so their sizes can be checked)
// but refused: nnlab has no use for them and guessing a conversion would hide mistakes.

/// An element type from the safetensors specification.
public enum SafetensorsDType: String, Sendable, CaseIterable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
    case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8"
    case bool = "BOOL", f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"

    /// Bytes per element.
    public var byteSize: Int {
        switch self {
        case .f64, .i64, .u64: 8
        case .f32, .i32, .u32: 4
        case .f16, .bf16, .i16, .u16: 2
        case .i8, .u8, .bool, .f8e4m3, .f8e5m2: 1
        }
    }

    /// Whether nnlab reads tensors of this type (as Float).
    public var isReadable: Bool { SafetensorsDType.readable.contains(self) }

    /// The types nnlab reads, in the order messages list them.
    public static let readable: [SafetensorsDType] = [.f32, .f16, .bf16, .f64]

    /// Converts `count` little-endian elements of this type at `source` into `destination`.
    /// Only for readable types; `source` may be unaligned.
    func convert(_ source: UnsafeRawPointer, count: Int, into destination: UnsafeMutablePointer<Float>) {
        precondition(isReadable, "SafetensorsDType.convert called for \(rawValue)")
        switch self {
        case .f32:
            #if _endian(little)
            UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: count * 4)
            #else
            for i in 0..<count {
                let bits = UInt32(littleEndian: source.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                destination[i] = Float(bitPattern: bits)
            }
            #endif
        case .f64:
            for i in 0..<count {
                let bits = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
                destination[i] = Float(Double(bitPattern: bits))
            }
        case .f16:
            for i in 0..<count {
                let bits = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                destination[i] = floatFromHalf(bits)
            }
        case .bf16:
            // bfloat16 is the top half of a Float32: same sign, exponent, and 7 leading mantissa bits.
            for i in 0..<count {
                let bits = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                destination[i] = Float(bitPattern: UInt32(bits) << 16)
            }
        default:
            break
        }
    }
}

/// The Float equal to an IEEE 754 half-precision value (1 sign bit, 5 exponent bits biased by 15,
/// 10 mantissa bits). Written out rather than using `Float16`, which macOS on Intel lacks.
func floatFromHalf(_ bits: UInt16) -> Float {
    let sign: Float = bits & 0x8000 != 0 ? -1 : 1
    let exponent = Int((bits >> 10) & 0x1f)
    let mantissa = UInt32(bits & 0x3ff)
    switch exponent {
    case 0:
        // Zero or subnormal: mantissa * 2^-24, exact in Float.
        return sign * Float(mantissa) * 0x1p-24
    case 0x1f:
        return mantissa == 0 ? sign * .infinity : .nan
    default:
        // Normal: move the exponent from bias 15 to bias 127 and the mantissa to the top of 23 bits.
        let signBit = UInt32(bits & 0x8000) << 16
        return Float(bitPattern: signBit | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
    }
}
