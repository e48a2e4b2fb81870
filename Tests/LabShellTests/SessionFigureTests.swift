// Comparing recorded and replayed figure lines: exact matches, differences within and beyond the
// tolerance (with the place of the largest), lines of another shape, and the best accuracy.

import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Figure comparison")
struct SessionFigureTests {
    let recorded = ["epoch 1  cost 0.6981  train 0.7500  validation 0.7000",
                    "epoch 2  cost 0.5120  train 0.8000  validation 0.7500"]

    @Test("identical lines match")
    func identical() {
        #expect(FigureComparison.compare(recorded: recorded, replayed: recorded) == .matches(count: 2))
    }

    @Test("a difference within the tolerance is reported with its size and place")
    func within() {
        let replayed = [recorded[0], "epoch 2  cost 0.5123  train 0.8000  validation 0.7499"]
        guard case .withinTolerance(2, let d) = FigureComparison.compare(recorded: recorded, replayed: replayed) else {
            Issue.record("not within tolerance"); return
        }
        #expect(d.place == "cost at epoch 2")
        #expect(abs(d.amount - 0.0003) < 1e-9)
        #expect(d.recorded == recorded[1] && d.replayed == replayed[1])
    }

    @Test("a difference beyond the tolerance names the largest one")
    func beyond() {
        let replayed = ["epoch 1  cost 0.6990  train 0.7500  validation 0.7000",
                        "epoch 2  cost 0.5120  train 0.8000  validation 0.7400"]
        guard case .differs(let d) = FigureComparison.compare(recorded: recorded, replayed: replayed) else {
            Issue.record("not a difference"); return
        }
        #expect(d.place == "validation at epoch 2")
        #expect(abs(d.amount - 0.01) < 1e-9)
        // A looser tolerance accepts it.
        #expect(FigureComparison.compare(recorded: recorded, replayed: replayed, tolerance: 0.02).agrees)
    }

    @Test("lines of another shape or count differ; nan equals nan")
    func shapes() {
        let other = FigureComparison.compare(recorded: ["eval test  accuracy 0.9000  cost 0.3000"],
                                             replayed: ["eval validation  accuracy 0.9000  cost 0.3000"])
        #expect(!other.agrees)
        #expect(FigureComparison.compare(recorded: recorded, replayed: [recorded[0]]) == .countDiffers(recorded: 2, replayed: 1))
        #expect(FigureComparison.compare(recorded: ["epoch 1  cost nan  train 0.5000"], replayed: ["epoch 1  cost nan  train 0.5000"]).agrees)
        #expect(!FigureComparison.compare(recorded: ["epoch 1  cost nan  train 0.5000"], replayed: ["epoch 1  cost 0.6931  train 0.5000"]).agrees)
        #expect(FigureComparison.compare(recorded: [], replayed: recorded) == .notRecorded(replayed: 2))
    }

    @Test("the best accuracy prefers the test split, then validation, then training")
    func best() {
        #expect(FigureComparison.bestAccuracy(in: recorded + ["eval test  accuracy 0.9012  cost 0.3000",
                                                             "eval test  accuracy 0.8800  cost 0.3500"]) == "test 0.9012")
        #expect(FigureComparison.bestAccuracy(in: recorded) == "validation 0.7500")
        #expect(FigureComparison.bestAccuracy(in: ["epoch 1  cost 0.6931  train 0.5000"]) == "train 0.5000")
        #expect(FigureComparison.bestAccuracy(in: []) == nil)
    }
}
