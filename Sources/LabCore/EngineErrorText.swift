// EngineErrorText: the errors of the modules beneath the shell (data sets, the model graph, files,
// safetensors), said in the learner's language from the EngineMessage catalog.
//
// The engine's modules know nothing of the shell and keep their own English descriptions for
// their other users (tests, nnbench); everything the shell prints about them comes from here, so
// `--lang ko` reaches every error. `Interpreter.describe` is the one place that asks.

import LabKit
import LabText
import NNData
import NNEngine
import NNFormats

extension DataError {
    /// What went wrong and what to do about it, in the current language.
    package var localized: (message: String, hint: String) {
        switch self {
        case let .missingFile(path, hint): (loc(.dataMissingFile, path), hint.localized)
        case let .missingFolder(path, hint): (loc(.dataMissingFolder, path), hint.localized)
        case let .notAFile(path): (loc(.dataNotAFile, path), loc(.dataHintNotAFile))
        case let .noData(folder, missing, hint): (loc(.dataNoData, folder, missing.joined(separator: ", ")), hint.localized)
        case let .emptyFile(path): (loc(.dataEmptyFile, path), loc(.dataHintCutShort))
        case let .notRegular(path, kind): (loc(.dataNotRegular, path, kind.localized), loc(.dataHintNotAFile))
        case let .unreadable(path, reason): (loc(.dataUnreadable, path, reason), loc(.dataHintPermissions))
        case let .corruptGzip(path, reason): (loc(.dataCorruptGzip, path, reason), loc(.dataHintCutShort))
        case let .truncated(path, expected, found): (loc(.dataTruncated, path, expected, found), loc(.dataHintCutShort))
        case let .trailingBytes(path, extra): (loc(.dataTrailingBytes, path, extra), loc(.dataHintNotIDX))
        case let .badMagic(path, found, expected):
            (loc(expected == IDXKind.images.magic ? .dataBadMagicImages : expected == IDXKind.labels.magic ? .dataBadMagicLabels : .dataBadMagicData,
                 path, hex32(found), hex32(expected)),
             IDXMagicProblem(found: found, expected: expected).localized)
        case let .badDimensions(path, dims, reason):
            (loc(.dataBadDimensions, path, dims.map(String.init).joined(separator: "x"), reason), loc(.dataHintNotIDX))
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            (loc(.dataCountMismatch, imagesPath, images, labelsPath, labels), loc(.dataHintCountMismatch))
        case let .badLabel(path, index, value, classCount): (loc(.dataBadLabel, path, value, index, classCount), loc(.dataHintBadLabel))
        case let .checksumMismatch(path, algorithm, expected, found): (loc(.dataChecksum, path, algorithm, found, expected), loc(.dataHintChecksum))
        case let .csvBadCell(path, line, column, name, text, problem):
            (loc(.dataCSVBadCell, path, line, name.map { loc(.dataCSVColumnNamed, $0, column) } ?? loc(.dataCSVColumnIndex, column),
                 text, problem.localized), loc(.dataHintCSVCell))
        case let .csvRowLength(path, line, expected, found): (loc(.dataCSVRowLength, path, line, found, expected), loc(.dataHintCSVRowLength))
        case let .csvNoLabelColumn(path, column, available):
            (loc(.dataCSVNoLabelColumn, path, column, available.prefix(12).joined(separator: ", ") + (available.count > 12 ? ", ..." : "")),
             loc(.dataHintCSVLabelColumn))
        case let .csvTooFewRows(path, rows, problem):
            (rows == 1 ? loc(.dataCSVOneRow, path, problem.localized) : loc(.dataCSVTooFewRows, path, rows, problem.localized),
             loc(.dataHintCSVTooFewRows))
        case let .downloadFailed(url, reason): (loc(.dataDownloadFailed, url, reason), loc(.dataHintDownload))
        case let .fetchFailed(name, target, attempts, manual): (loc(.dataFetchFailed, name, target, attempts.joined(separator: "; ")), manual.localized)
        case let .unknownDataSet(name, known): (loc(.dataUnknownSet, name, known.joined(separator: ", ")), loc(.dataHintDataList))
        case let .badOption(name, option, problem): (loc(.dataBadOption, name, option, problem.localized), loc(.dataHintDataInfo))
        }
    }
}

extension IDXMagicProblem {
    package var localized: String {
        switch self {
        case .gzipInsideGzip: loc(.dataHintGzipTwice)
        case .swapped: loc(.dataHintSwapped)
        case .notIDX: loc(.dataHintIDXStart)
        }
    }
}

extension MissingDataHint {
    package var localized: String {
        switch self {
        case .checkPath(let base): base.map { loc(.missCheckRelativePath, $0) } ?? loc(.missCheckPath)
        case .dataFolderMustExist: loc(.missDataFolder)
        case .idxFolder: loc(.missIDXFolder)
        case .idxFilesNeeded: loc(.missIDXFiles)
        case .completeOrRemove(let project): loc(.missCompleteOrRemove, project)
        case .fetchMNIST(let looked): loc(.missFetchMNIST, looked.joined(separator: ", "))
        case .installFashion: loc(.missInstallFashion)
        case .fetchByHand(let files, let mirror, let pip, let target): loc(.missFetchByHand, files, mirror ?? loc(.missAnyMirror), pip, target)
        }
    }
}

extension OptionProblem {
    package var localized: String {
        switch self {
        case .givenTwice: loc(.optGivenTwice)
        case .notAnOption(let name, let options):
            options.isEmpty ? loc(.optNotAnOptionNone, name) : loc(.optNotAnOption, name, options.joined(separator: ", "))
        case .unexpectedWord(let usage): loc(.optUnexpectedWord, usage)
        case .missingPath(let usage): loc(.optMissingPath, usage)
        case .required(let usage): loc(.optRequired, usage)
        case .notWhole(let text): loc(.optNotWhole, text)
        case .wholeOutOfRange(let v, let r): loc(.optWholeRange, v, r.lowerBound, r.upperBound)
        case .notNumber(let text): loc(.optNotNumber, text)
        case .numberOutOfRange(let text, let r):
            loc(.optWholeRange, text, NumberRange.short(r.lowerBound), NumberRange.short(r.upperBound))
        case .notAllowed(let text): loc(.optNotAllowed, text)
        case .split(let p): p.localized
        case .textTooShort(let text, let n, let steps): loc(.optTextTooShort, text, n, steps, steps + 1)
        case .fixedClasses(let name, let k): loc(.optFixedClasses, name, k)
        }
    }
}

extension SplitProblem {
    package var localized: String {
        switch self {
        case .test(let f): loc(.splitTestFraction, f)
        case .validation(let f): loc(.splitValidationFraction, f)
        case .noTrainingRows(let t, let v): loc(.splitNoTraining, t, v)
        }
    }
}

extension CSVCellProblem {
    package var localized: String {
        switch self {
        case .unclosedQuote: loc(.csvUnclosedQuote)
        case .missingValue: loc(.csvMissingValue)
        case .notANumber: loc(.csvNotANumber)
        case .notFinite: loc(.csvNotFinite)
        case .emptyLabel: loc(.csvEmptyLabel)
        case .notIntegerLabel: loc(.csvNotIntegerLabel)
        case .negativeLabel: loc(.csvNegativeLabel)
        case .labelTooLarge: loc(.csvLabelTooLarge)
        }
    }
}

extension CSVShapeProblem {
    package var localized: String {
        switch self {
        case .oneColumn: loc(.csvOneColumn)
        case .onlyHeader: loc(.csvOnlyHeader)
        case .tooFewToSplit(let t, let v): loc(.csvTooFewToSplit, NumberRange.short(t), NumberRange.short(v))
        }
    }
}

extension ModelError {
    /// What is wrong with the model and what to do about it, in the current language.
    package var localized: (message: String, hint: String) {
        switch self {
        case .empty: (loc(.modelHasNoLayers), loc(.modelHintShow))
        case .noInput: (loc(.modelNoInput), loc(.modelHintShow))
        case .duplicateName(let n): (loc(.modelDuplicateName, n), loc(.modelHintShow))
        case .cycle(let n, let s): (loc(.modelCycle, n, s), loc(.modelHintEarlier))
        case .unknownInput(let n, let s, let known): (loc(.modelUnknownInput, n, s, known.joined(separator: ", ")), loc(.modelHintEarlier))
        case .arity(let n, let k, let e, let g): (loc(e == .one ? .modelArityOne : .modelArityTwoOrMore, n, k, g), loc(.modelHintShow))
        case .widthMismatch(let n, let ins, let ws):
            (loc(.modelWidthMismatch, n, zip(ins.isEmpty ? ws.map { _ in "?" } : ins, ws).map { loc(.modelWidthIs, $0, $1) }.joined(separator: ", ")),
             loc(.modelHintWidths))
        case .badSize(let n, let what, let v, let rule): (loc(.modelBadSize, n, what, NumberRange.short(Double(v)), rule.localized), loc(.modelHintShow))
        case .maxoutAlone(let n): (loc(.modelMaxoutAlone, n), loc(.modelHintShow))
        case .steps(let n, let w, let s): (loc(.modelSteps, n, w, s), loc(.modelHintShow))
        case .tooLarge(let n): (loc(.modelTooLarge, n), loc(.modelHintShow))
        case .dangling(let n, let o): (loc(.modelDangling, n, o), loc(.modelHintDangling))
        }
    }
}

extension ShellError {
    /// A model that does not resolve, said as a mistake the learner can fix.
    package init(_ error: ModelError) {
        let said = error.localized
        self.init(said.message, hint: said.hint)
    }
}

extension SizeRule {
    package var localized: String {
        switch self {
        case .wholeAboveZero: loc(.modelRuleWholeAboveZero)
        case .atLeastTwo: loc(.modelRuleAtLeastTwo)
        case .within(let range): range.localizedText
        }
    }
}
