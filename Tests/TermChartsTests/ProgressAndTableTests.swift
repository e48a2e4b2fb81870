// The training progress line and text tables.

import Testing
@testable import TermCharts
import LabKit

@Suite struct ProgressLineTests {
    let state = ProgressLine(epoch: 3, epochs: 15, step: 312, steps: 550, cost: 0.21134, samplesPerSecond: 1234.4, etaSeconds: 7)

    @Test func fullLineExactly() {
        #expect(state.render(width: 80, style: .plain)
            == "epoch 3/15 [████████████▌         ] 312/550 cost 0.2113 1,234 samples/s ETA 0:07")
    }

    @Test func narrowWidthsDropTheLeastImportantPartsFirst() {
        #expect(state.render(width: 60, style: .plain) == "epoch 3/15 [█████▋    ] 312/550 cost 0.2113 1,234/s ETA 0:07")
        #expect(state.render(width: 50, style: .plain) == "epoch 3/15 [████▌   ] 312/550 cost 0.2113 ETA 0:07")
        #expect(state.render(width: 46, style: .plain) == "3/15 [█████▋    ] 312/550 cost 0.2113 ETA 0:07")
        #expect(state.render(width: 38, style: .plain) == "3/15 [█████▋    ] cost 0.2113 ETA 0:07")
        #expect(state.render(width: 30, style: .plain) == "3/15 [██████▎    ] cost 0.2113")
        #expect(state.render(width: 12, style: .plain) == "3/15 [██▉  ]")
        for width in 1...120 {
            for style in [Style.plain, Style(colors: .palette256)] {
                #expect(state.render(width: width, style: style).displayWidth <= width, "width \(width)")
            }
        }
    }

    @Test func barFillFollowsTheFraction() {
        let done = ProgressLine(epoch: 15, epochs: 15, step: 550, steps: 550)
        #expect(done.render(width: 30, style: .plain) == "epoch 15/15 [████████] 550/550")
        let none = ProgressLine(epoch: 1, epochs: 1, step: 0, steps: 0, cost: .nan, etaSeconds: .infinity)
        #expect(none.fraction == 0)
        #expect(none.render(width: 60, style: .plain).contains("cost nan ETA --:--"))
        #expect(ProgressLine(epoch: 1, epochs: 2, step: 9, steps: 3).fraction == 1)
    }

    @Test func colourOnlyPaintsTheBar() {
        let coloured = state.render(width: 80, style: Style(colors: .palette256))
        #expect(coloured.containsANSI)
        #expect(coloured.strippingANSI() == state.render(width: 80, style: .plain))
    }
}

@Suite struct TextTableTests {
    @Test func boxTableExactly() {
        let t = TextTable(header: ["name", "acc"], rows: [["relu", "0.98"], ["sigmoid", "0.9"]])
        #expect(t.renderLines(.plain) == [
            "┌─────────┬──────┐",
            "│ name    │  acc │",
            "├─────────┼──────┤",
            "│ relu    │ 0.98 │",
            "│ sigmoid │  0.9 │",
            "└─────────┴──────┘",
        ])
    }

    @Test func highlightsTheBestValue() {
        let t = TextTable(columns: [TableColumn("run"), TableColumn("cost", highlight: .smallest), TableColumn("accuracy", highlight: .largest)],
                          rows: [["sigmoid", "0.4312", "88.12%"], ["relu", "0.0712", "97.90%"], ["tanh", "-", "96.45%"]], border: .ascii)
        #expect(t.renderLines(.plain) == [
            "+---------+---------+----------+",
            "| run     |    cost | accuracy |",
            "+---------+---------+----------+",
            "| sigmoid | 0.4312  |  88.12%  |",
            "| relu    | 0.0712* |  97.90%* |",
            "| tanh    |      -  |  96.45%  |",
            "+---------+---------+----------+",
        ])
        let coloured = t.renderLines(Style(colors: .palette256))
        #expect(coloured[4].contains("\u{1B}[38;5;"))       // the best cells are painted
        #expect(!coloured[3].strippingANSI().contains("*"))
    }

    @Test func minimalBorderWithFooterLikeAModelSummary() {
        let t = TextTable(columns: [TableColumn("Layer (type)"), TableColumn("Output Shape"), TableColumn("Param #")],
                          rows: [["dense_1 (Dense)", "(None, 512)", "401,920"], ["dropout_1 (Dropout)", "(None, 512)", "0"]],
                          footer: [["Total params", "", "401,920"]], border: .minimal)
        #expect(t.renderLines(.plain) == [
            "Layer (type)         Output Shape  Param #",
            "───────────────────  ────────────  ───────",
            "dense_1 (Dense)      (None, 512)   401,920",
            "dropout_1 (Dropout)  (None, 512)         0",
            "───────────────────  ────────────  ───────",
            "Total params                       401,920",
        ])
    }

    @Test func tooWideTablesCutTheirWidestColumn() {
        let t = TextTable(header: ["note", "n"], rows: [[String(repeating: "word ", count: 30), "1"], ["한국어 설명이 아주 길게 이어집니다 계속해서", "2"]])
        let lines = t.renderLines(Style(colors: .none, width: 40))
        #expect(lines.allSatisfy { $0.displayWidth == 40 })
        #expect(lines[3].contains("…"))
    }

    @Test func raggedAndEmptyTables() {
        #expect(TextTable(header: [], rows: []).renderLines(.plain).isEmpty)
        let ragged = TextTable(header: ["a"], rows: [["1", "2", "3"], []])
        #expect(ragged.renderLines(.plain).allSatisfy { $0.displayWidth == ragged.renderLines(.plain)[0].displayWidth })
        #expect(TextTable.number("1,234") == 1234)
        #expect(TextTable.number("98.1%") == 98.1)
        #expect(TextTable.number("1e-3") == 0.001)
        #expect(TextTable.number("relu") == nil)
    }
}

@Suite struct ProgressWordsTests {
    @Test func theLineSpeaksTheWordsItIsGiven() {
        var line = ProgressLine(epoch: 3, epochs: 15, step: 312, steps: 550, cost: 0.21134, samplesPerSecond: 1234.4, etaSeconds: 7)
        #expect(line.render(width: 100, style: .plain).hasPrefix("epoch 3/15 ["))
        line.words = ProgressLine.Words(epoch: "에폭 {1}", cost: "비용 {1}", rate: "초당 예제 {1}개", eta: "남은 시간 {1}")
        let ko = line.render(width: 100, style: .plain)
        #expect(ko.hasPrefix("에폭 3/15 [") && ko.contains("비용 0.2113") && ko.contains("초당 예제 1,234개") && ko.hasSuffix("남은 시간 0:07"), "\(ko)")
        #expect(ko.displayWidth <= 100 && line.render(width: 40, style: .plain).displayWidth <= 40)
    }
}
