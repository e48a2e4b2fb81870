// FileErrorText: failed reads and writes, and refused safetensors files, said in the learner's
// language from the EngineMessage catalog (see EngineErrorText.swift). The operating system's own
// words (errno text) are kept as they are, in parentheses.

import LabKit
import LabText
import NNEngine
import NNFormats

extension FileWriteError {
    /// "cannot write PATH: STEP failed (OS text). What to do." in the current language. The
    /// Korean sentence leaves out the step (LabKit words it in English for the log).
    package var localized: String { localized(Language.current) }

    package func localized(_ language: Language) -> String {
        EngineMessage.fileWriteFailed.text([path, step, osMessage, advice(language)], language: language)
    }

    /// What the learner can do about it, by cause.
    package func advice(_ language: Language = Language.current) -> String {
        let key: EngineMessage = switch cause {
        case .folderMissing: .fileWriteFolderMissing
        case .notAFolder: .fileWriteNotAFolder
        case .notWritable: .fileWriteNotWritable
        case .diskFull: .fileWriteDiskFull
        case .other: .fileWriteOther
        }
        return key.text([], language: language)
    }
}

extension FileKind {
    /// "a FIFO (named pipe)", "FIFO(이름 있는 파이프)", ...
    package var localized: String {
        switch self {
        case .folder: loc(.fileKindFolder)
        case .fifo: loc(.fileKindFIFO)
        case .device: loc(.fileKindDevice)
        case .socket: loc(.fileKindSocket)
        case .other: loc(.fileKindOther)
        }
    }
}

extension FileReadError {
    package var localized: String { loc(.fileReadFailed, path, osMessage) }
}

extension ExportError {
    /// Why the model cannot be exported faithfully, in the current language.
    package var localized: String {
        switch self {
        case .model(let error): loc(.exportModel, error.localized.message)
        case .lossNeedsOutput(let loss, let node, let activation, let needed): loc(.exportLossNeedsOutput, loss.rawValue, node, activation, needed)
        case .outputClasses(let node, let units, let classes):
            loc(.exportOutputClasses, node, loc(units == 1 ? .exportOneUnit : .exportUnits, units), classes,
                classes == 2 ? loc(.exportSigmoidOrSoftmax) : loc(.exportUnits, classes))
        case .inputShape(let shape, let width): loc(.exportInputShape, shape.map(String.init).joined(separator: " x "), shape.reduce(1, *), width)
        }
    }
}

extension OptimizerSettingError {
    package var localized: String {
        switch self {
        case .unknown(let key): loc(.optimizerSettingUnknown, key, OptimizerSetting.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }
}

extension SafetensorsError {
    package var localized: String { path + ": " + problem.localized }
}

extension SafetensorsError.Problem {
    package var localized: String {
        switch self {
        case .unreadable(let os): loc(.stUnreadable, os)
        case .tooShort(let bytes): loc(.stTooShort, bytes)
        case .headerTooLarge(let length, let limit): loc(.stHeaderTooLarge, length, limit)
        case .headerBeyondFile(let length, let size): loc(.stHeaderBeyondFile, length, size)
        case .headerNotJSON(let detail): loc(.stHeaderNotJSON, detail)
        case .headerNotObject(let found): loc(.stHeaderNotObject, found)
        case .entryNotObject(let tensor, let found): loc(.stEntryNotObject, tensor, found)
        case .missingField(let tensor, let field): loc(.stMissingField, tensor, field)
        case .badField(let tensor, let field, let expected, let found): loc(.stBadField, tensor, field, expected, found)
        case .unknownDType(let tensor, let dtype): loc(.stUnknownDType, tensor, dtype)
        case .unsupportedDType(let tensor, let dtype):
            loc(.stUnsupportedDType, tensor, dtype, SafetensorsDType.readable.map(\.rawValue).joined(separator: ", "))
        case .shapeTooLarge(let tensor, let shape): loc(.stShapeTooLarge, tensor, "\(shape)")
        case .sizeMismatch(let tensor, let dtype, let shape, let bytes, let begin, let end):
            loc(.stSizeMismatch, tensor, "\(shape)", dtype, bytes, begin, end, end - begin)
        case .offsetsOutOfRange(let tensor, let begin, let end, let dataBytes): loc(.stOffsetsOutOfRange, tensor, begin, end, dataBytes)
        case .overlap(let first, let second): loc(.stOverlap, first, second)
        case .unusedBytes(let begin, let end): loc(.stUnusedBytes, begin, end)
        case .metadataNotObject(let found): loc(.stMetadataNotObject, found)
        case .metadataValueNotString(let key, let found): loc(.stMetadataNotString, key, found)
        case .noSuchTensor(let name, let available):
            loc(.stNoSuchTensor, name, available.isEmpty ? loc(.stNone)
                : available.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ") + (available.count > 12 ? ", ..." : ""))
        case .countMismatch(let tensor, let shape, let count): loc(.stCountMismatch, tensor, "\(shape)", count)
        }
    }
}
