// Number formatting for charts, tables and the shell: fixed decimals, scientific notation ("1.2e-7"),
// thousands grouping ("1,234"), a compact form that picks between them by magnitude, and the shell's
// own forms (four decimals for costs, a value as typed). The one home of number formats: all of it
// is locale-independent, so a chart or a transcript reads the same on every machine.
//
// Not here: choosing tick positions (AxisScale.swift).

import Foundation

/// Formats numbers the way the charts and tables print them.
public enum NumberFormat {
    /// `value` with exactly `decimals` digits after the point ("0.2113"); never prints "-0".
    /// NaN prints "nan", infinities "inf" / "-inf".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let special = nonFinite(value) { return special }
        let d = max(0, min(17, decimals))
        let s = String(format: "%.\(d)f", value)
        return isNegativeZero(s) ? String(s.dropFirst()) : s
    }

    /// Scientific notation with `significant` digits and a bare exponent: 1.2e-7, 3.0e+2 -> "3.0e2".
    public static func scientific(_ value: Double, significant: Int = 2) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return significant > 1 ? "0." + String(repeating: "0", count: significant - 1) + "e0" : "0e0" }
        let digits = max(1, min(17, significant))
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        // Rounding can carry into a new digit (9.96 -> 10.0): renormalise.
        let scale = pow(10, Double(digits - 1))
        if abs((mantissa * scale).rounded()) >= 10 * scale {
            exponent += 1
            mantissa = value / pow(10, Double(exponent))
        }
        return fixed(mantissa, decimals: digits - 1) + "e" + String(exponent)
    }

    /// An integer with commas between thousands: 1234567 -> "1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    /// About `significant` significant digits, choosing fixed or scientific notation by magnitude:
    /// 0.21134 -> "0.2113", 1234.6 -> "1235", 3.2e-7 -> "3.200e-7".
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        if magnitude < -4 || magnitude >= 7 { return scientific(value, significant: significant) }
        let decimals = max(0, significant - 1 - magnitude)
        return fixed(value, decimals: decimals)
    }

    /// Like `compact`, without trailing zeros after the point: 6.00 -> "6", 0.250 -> "0.25".
    public static func short(_ value: Double, significant: Int = 3) -> String {
        let s = compact(value, significant: significant)
        guard !s.contains("e"), s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    /// A percentage with `decimals` digits: 0.9812 -> "98.1%".
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        if let special = nonFinite(fraction) { return special }
        return fixed(fraction * 100, decimals: decimals) + "%"
    }

    // MARK: - Helpers

    private static func nonFinite(_ v: Double) -> String? {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return nil
    }

    private static func isNegativeZero(_ s: String) -> Bool {
        s.hasPrefix("-") && s.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }
}

extension NumberFormat {
    /// A duration as a clock: 7 -> "0:07", 65 -> "1:05", 3723 -> "1:02:03". Unknown (NaN, negative,
    /// infinite) prints "--:--".
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "--:--" }
        let total = Int(seconds.rounded())
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h == 0 { return "\(m):\(ss)" }
        return "\(h):" + (m < 10 ? "0\(m)" : "\(m)") + ":" + ss
    }

    /// A rate: one decimal below 10 ("3.2"), whole and grouped above ("1,234"); "-" when unknown.
    public static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond >= 0 else { return "-" }
        if perSecond < 10 { return fixed(perSecond, decimals: 1) }
        if perSecond >= 9e15 { return scientific(perSecond, significant: 2) }
        return grouped(Int(perSecond.rounded()))
    }
}

// MARK: - The shell's forms

extension NumberFormat {
    /// Four decimals, the precision costs and accuracies are shown and saved with: 0.12345678 -> "0.1235".
    /// A diverging value prints Swift's own form (1.2e+20); NaN "nan", infinities "inf" / "-inf".
    public static func fourDecimals(_ x: Float) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        guard abs(x) < 1e9 else { return "\(x)" }
        var s = String(Int((abs(Double(x)) * 10_000).rounded()))
        while s.count < 5 { s = "0" + s }
        return (x < 0 && s != "00000" ? "-" : "") + s.dropLast(4) + "." + s.suffix(4)
    }

    /// One decimal, Swift's shortest form: 12.345 -> "12.3", 3 -> "3.0".
    public static func oneDecimal(_ x: Double) -> String { String((x * 10).rounded() / 10) }

    /// A number as a user would type it: whole values without a point (2 -> "2"), others in
    /// Swift's shortest form (0.001 -> "0.001").
    public static func typed(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }

    /// A Float as typed: 0.001 -> "0.001", 2 -> "2".
    public static func typed(_ x: Float) -> String {
        x == x.rounded() && abs(x) < 1e7 ? String(Int(x)) : "\(x)"
    }
}
