// FinalValues: the table under an overlaid chart. Braille lines that end a few dots apart cannot
// be told apart by eye; the table gives each series' marker (the same character as on its line),
// name and last value, the best one highlighted, so "0.979 vs 0.982" is read, not guessed.
//
// Not here: the chart itself (LineChart.swift).

import LabKit

extension LineChart {
    /// One row per series: its marker and name, its last drawable value, and (when `best` says
    /// which way is better) that value highlighted. `format` writes a value; the titles name the columns.
    public func finalValues(seriesTitle: String, valueTitle: String, best: TableColumn.Best?,
                            format: (Double) -> String) -> TextTable {
        let rows = series.enumerated().map { s, line -> [String] in
            let last = line.points.last(where: isDrawable)
            return [String(SeriesPalette.marker(s)) + " " + line.name, last.map { format($0.y) } ?? "-"]
        }
        return TextTable(columns: [TableColumn(seriesTitle, alignment: .left), TableColumn(valueTitle, highlight: best)],
                         rows: rows, border: .minimal)
    }
}
