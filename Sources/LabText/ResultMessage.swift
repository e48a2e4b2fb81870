// ResultMessage: what the commands that compare and look into results say: runs, sweep, ensemble, plot, grads
// (and its verdict in words), predict and show wrong (module LabCommands). The other commands are CommandMessage's.
// English templates in en/ResultMessage+en.swift, Korean in ko/ResultMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabCommands about runs and their results, by key.
public enum ResultMessage: Catalog {
    // MARK: Runs and training several
    case runStopped, runDiverged, recipeKeepProbAsBuilt, stopAfterThisEntry, stopAfterThisMember, figureSeed
    // MARK: sweep
    case sweepEmptyValue, sweepSeparateValues, sweepListedTwice, sweepListOnce, sweepCannotName, sweepNameRule
    case sweepChooseFrom, sweepUnknownActivation, sweepUnknownOptimizer, sweepNoHiddenDense, sweepAddHidden
    case sweepBadKeepProb, sweepNoDropout, sweepAddDropout, sweepBadLr, sweepBadBatch, sweepModelFails
    case sweepStoppedAfter, sweepLoggedEach, sweepCostTitle
    // MARK: ensemble
    case ensembleHeader, ensembleStoppedAfter, ensembleEvalNext, ensembleRunsOnly, ensembleReplay, ensembleNone
    case ensembleTrainOne, ensembleOtherData, ensembleTrainNew, ensembleUseTest, ensembleColumnMember
    case ensembleColumnSeed, ensembleColumnAccuracy, ensembleFooterName, ensembleFooterAverage, ensembleTableTitle
    case ensembleBeats, ensembleTies, ensembleFallsShort
    // MARK: plot
    case plotFewerBatches, plotSmallerEvery, plotCostBlocks, plotUseMultiple, plotNoValidation, plotItsAccuracy
    case plotNoneValidation, plotAccuracyInstead, plotNoEpoch, plotPerBatch, plotLastOfMany, plotOneEpochEach
    case plotWroteFile, plotBoundaryNeeds2D, plotLoad2D, picturePoints, boundaryClassOnTexture, boundaryColorNote
    case boundaryTextureNote
    // MARK: grads
    case gradsNothingTrained, gradsTrainFirst, gradsTitleEpoch, gradsTitleLastStep, gradsNoneRecorded
    case gradsTrainOneBatch, gradsAtFirstStep, gradsNoEpoch, gradsTrainOneEpoch, gradsSingleEpoch, gradsTrainMore
    // MARK: What grads says in words
    case verdictVanishing, verdictExploding, verdictStalled, verdictNoFirstStep, verdictConverged
    case verdictZeroSameStart, verdictZeroDead, verdictAlreadyFitting, verdictTryOne, verdictTryTwo, verdictTimes
    case verdictMoreThanBillion
    // MARK: predict and show wrong
    case predictTestEmpty, predictLoadWithTest, predictNoExample, predictPickBelow, predictFeatures
    case predictMoreFeatures, wrongTrue, wrongSaid, wrongColumnExample, wrongColumnFeatures, wrongColumnTrue
    case wrongColumnSaid, wrongColumnProbability, wrongUntrained
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: ResultMessage, _ values: Any...) -> String { key.text(values) }
