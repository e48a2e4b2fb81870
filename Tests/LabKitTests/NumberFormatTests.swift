// NumberFormat: fixed, scientific, compact, grouped, clock and rate forms, locale-independent.

import Foundation
import Testing
@testable import LabKit

@Suite struct NumberFormatTests {
    @Test func fixedAndCompact() {
        #expect(NumberFormat.fixed(0.21134, decimals: 4) == "0.2113")
        #expect(NumberFormat.fixed(-0.00001, decimals: 2) == "0.00")   // never "-0.00"
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "nan")
        #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "-inf")
        #expect(NumberFormat.compact(0.21134) == "0.2113")
        #expect(NumberFormat.compact(1234.6) == "1235")
        #expect(NumberFormat.compact(3.2e-7) == "3.200e-7")
        #expect(NumberFormat.compact(0) == "0")
        #expect(NumberFormat.percent(0.98123) == "98.1%")
    }

    @Test func scientific() {
        #expect(NumberFormat.scientific(1.2e-7) == "1.2e-7")
        #expect(NumberFormat.scientific(0.0123) == "1.2e-2")
        #expect(NumberFormat.scientific(300) == "3.0e2")
        #expect(NumberFormat.scientific(9.96e-3) == "1.0e-2")   // rounding carries into the exponent
        #expect(NumberFormat.scientific(-4.56e5, significant: 3) == "-4.56e5")
        #expect(NumberFormat.scientific(0) == "0.0e0")
        #expect(NumberFormat.scientific(.infinity) == "inf")
    }

    @Test func groupingClocksAndRates() {
        #expect(NumberFormat.grouped(1234) == "1,234")
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormat.grouped(-1000) == "-1,000")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.clock(7) == "0:07")
        #expect(NumberFormat.clock(65) == "1:05")
        #expect(NumberFormat.clock(600) == "10:00")
        #expect(NumberFormat.clock(3723) == "1:02:03")
        #expect(NumberFormat.clock(.nan) == "--:--")
        #expect(NumberFormat.clock(-1) == "--:--")
        #expect(NumberFormat.rate(1234.4) == "1,234")
        #expect(NumberFormat.rate(3.21) == "3.2")
        #expect(NumberFormat.rate(.infinity) == "-")
    }
}
