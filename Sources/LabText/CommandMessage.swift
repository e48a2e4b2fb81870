// CommandMessage: what the building, training and inspecting commands say: data, layers, init, set, train,
// tensorboard, export (module LabCommands). Sweep, ensemble, runs, plot, grads and predict are ResultMessage's.
// English templates in en/CommandMessage+en.swift, Korean in ko/CommandMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabCommands, by key.
public enum CommandMessage: Catalog {
    // MARK: Data: info and describe
    case dataInfoSplits, dataInfoFeatures, dataInfoClasses, dataInfoSource, dataInfoIdentity, dataInfoFile
    case dataInfoLoadedBy, dataIdentityFiles, dataBytes, dataDescribeUsage, dataDescribeSizes, dataDescribeClasses
    case dataOptionDefault, dataNoSuchSet, dataListShowsAll, dataSplitsThree, dataSplitsTwo
    // MARK: Data: list, show, fetch
    case dataColumnName, dataColumnWhat, dataColumnSizes, dataListFooter, dataUseOtherSplit, dataSplitEmpty
    case dataNoExample, dataDownloadsOff, dataMNISTAlreadyIn, dataMNISTIsIn, dataMNISTFetchedBy, fetchTrying
    case fetchChecksumOK, fetchFailed
    // MARK: Data: what each set is
    case aboutXor, aboutXorLoaded, aboutMnist, aboutFashion, aboutCsv, aboutCsvLoaded, aboutCircle, aboutSpiral
    case aboutGaussian, aboutHihello, aboutTextLoaded, aboutLongTextLoaded, sourceBuiltIn, sourceGenerated
    case sourceFromSessionSeed, sourceMnist, sourceFashion, sourceCsv, sizesXor, sizesImages, sizesCsv, sizesPoints
    case sizesHihello, optionTest, optionValidation, optionLimit, optionSamples, optionNoise, optionClasses
    case optionLabel, optionHeader, optionText, optionSteps
    // MARK: Layers and model
    case layerNoTimeAxis, layerGiveSteps, layerDangling, modelFooter, modelNote, graphParams, graphOutput
    // MARK: init
    case initUnknown, initChooseOne, initBiasSame, initBiasSameWhy, settingNotFor, initTakesNothing, initTakes
    case rbmStart, rbmEpoch, rbmNothing, rbmDone
    // MARK: set and optimizer
    case setInvalidValue, optimizerNeedsName, optimizerOneOf, optimizerTakesOnlyLr, optimizerTakes, optimizerChosen
    // MARK: train
    case progressEpoch, progressCost, progressRate, progressETA
    case trainBranchesHint, trainSettings, trainSettingsKeepProb, trainBatchTooBig, trainSmallerBatch
    case tbLoggingStopped, tbLoggedTo, runReplaces
    // MARK: tensorboard
    case tbEveryWithOff, tbTypeOff, tbWasAlreadyOff, tbNowOff, tbIsAFile, tbNameAFolder, tbCannotCreate
    case tbWritableFolder, tbNotWritable
    // MARK: export
    case exportNoRuns, exportTrainFirst, exportWroteCSV, exportNoFolder, exportCreateFolder, exportIsFolder
    case exportNameFile, exportNotPy, exportNamePy, exportChangeModel, exportWroteSessionWeights
    case exportWroteSessionWeightsData, exportWroteWeights, exportWroteWeightsData, exportRunIt, exportExpectAccuracy
    case exportContinueTraining, exportCheckWeights
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: CommandMessage, _ values: Any...) -> String { key.text(values) }
