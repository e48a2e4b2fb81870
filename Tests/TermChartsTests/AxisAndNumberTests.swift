// Nice tick steps and log axes on powers of ten.

import Foundation
import Testing
@testable import TermCharts

@Suite struct AxisScaleTests {
    @Test func niceSteps() {
        #expect(AxisScale.niceStep(atLeast: 0.3) == 0.5)
        #expect(AxisScale.niceStep(atLeast: 1) == 1)
        #expect(AxisScale.niceStep(atLeast: 1.1) == 2)
        #expect(AxisScale.niceStep(atLeast: 3) == 5)
        #expect(AxisScale.niceStep(atLeast: 7) == 10)
        #expect(AxisScale.niceStep(atLeast: 0.0012) == 0.002)
    }

    @Test func linearTicksAreRoundAndCoverTheData() {
        let a = AxisScale.linear(dataMin: 0.32, dataMax: 2.6, maxTicks: 5, extend: true)
        #expect(a.lower == 0 && a.upper == 3)
        #expect(a.ticks == [0, 1, 2, 3])
        #expect(a.labels == ["0", "1", "2", "3"])
        let b = AxisScale.linear(dataMin: 0.912, dataMax: 0.981, maxTicks: 5, extend: true)
        #expect(b.labels == ["0.90", "0.95", "1.00"])   // step 0.02 would need 6 ticks
        #expect(b.lower <= 0.912 && b.upper >= 0.981)
        let fixed = AxisScale.linear(dataMin: 0.5, dataMax: 0.7, fixed: 0...1, maxTicks: 6, extend: true)
        #expect(fixed.lower == 0 && fixed.upper == 1)
        #expect(fixed.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func xAxesKeepTheDataRangeAndIntegerSteps() {
        let x = AxisScale.linear(dataMin: 1, dataMax: 15, maxTicks: 8, extend: false, integerSteps: true)
        #expect(x.lower == 1 && x.upper == 15)
        #expect(x.ticks == [2, 4, 6, 8, 10, 12, 14])
        let tiny = AxisScale.linear(dataMin: 1, dataMax: 2, maxTicks: 10, extend: false, integerSteps: true)
        #expect(tiny.ticks == [1, 2])
    }

    @Test func flatAndBrokenDataStillGiveAnAxis() {
        let flat = AxisScale.linear(dataMin: 5, dataMax: 5, maxTicks: 5, extend: true)
        #expect(flat.lower < 5 && flat.upper > 5)
        let zero = AxisScale.linear(dataMin: 0, dataMax: 0, maxTicks: 5, extend: true)
        #expect(zero.lower < 0 && zero.upper > 0)
        let broken = AxisScale.linear(dataMin: .nan, dataMax: .infinity, maxTicks: 5, extend: true)
        #expect(broken.lower == 0 && broken.upper == 1)
        let huge = AxisScale.linear(dataMin: 0, dataMax: 3e12, maxTicks: 5, extend: true)
        #expect(huge.labels.last == "3e12" || huge.labels.last?.hasSuffix("e12") == true)
    }

    @Test func logTicksArePowersOfTen() {
        let a = AxisScale.log(dataMin: 0.02, dataMax: 2.6, maxTicks: 6)
        #expect(a.labels == ["0.01", "0.1", "1", "10"])
        let b = AxisScale.log(dataMin: 3e-8, dataMax: 2.5e-2, maxTicks: 20)
        #expect(b.labels == ["1e-8", "1e-7", "1e-6", "1e-5", "1e-4", "1e-3", "1e-2", "1e-1"])
        let thinned = AxisScale.log(dataMin: 1e-12, dataMax: 1, maxTicks: 4)
        #expect(thinned.ticks.count <= 4)
        for t in a.ticks + b.ticks + thinned.ticks {
            let e = log10(t)
            #expect(abs(e - e.rounded()) < 1e-9)
        }
        let single = AxisScale.log(dataMin: 1, dataMax: 1, maxTicks: 5)
        #expect(single.lower == 0.1 && single.upper == 10)
        let none = AxisScale.log(dataMin: -1, dataMax: 0, maxTicks: 5)
        #expect(none.lower == 0.1 && none.upper == 10)
        #expect(a.fraction(0) == nil && a.fraction(-1) == nil && a.fraction(.nan) == nil)
        #expect(abs((a.fraction(0.1) ?? -1) - 1.0 / 3) < 1e-12)
    }
}
