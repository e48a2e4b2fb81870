// Message: the shell's own sentences (banner, parser errors, help, questions, tables and charts)
// by key. The English templates are in en/Messages+en.swift, the Korean in ko/Messages+ko.swift.
// Catalog.swift explains how catalogs work; command summaries and argument help are in
// ko/CommandText+ko.swift.

import Foundation

/// A sentence of the shell, by key.
public enum Message: String, CaseIterable, Sendable {
    // MARK: Shell and banner
    case bannerTagline, bannerHint, ctrlCAtPrompt, errorLabel, hintLabel
    // MARK: Parser
    case emptyCommand, unknownCommand, seeEveryCommand, needsBefore, hasNoSubcommand, needsOneOf, hasNoOption
    case givenTwice, keepOne, hasNoFlag, doesNotTakeHere, needsPositional, needsOption, usagePrefix
    case mustBeWhole, forExample, mustBeInRange, mustBeDecimal, beyondFloat
    case rangeAbove, rangeAnd, rangeAnyNumber
    case notOneOf, notValidName, namesCommaSeparated, quoteNotClosed, quoteHint, needsArgument
    case seeHelpFor, onlyInsideShell, didYouMean, orWord, rangeBetween, rangeAtLeast, rangeAtMost
    case nameRule, takesNoOptions, itsOptionsAre, egExample
    // MARK: Help
    case helpTitle, helpTitleHint, helpUsage, helpAlso, helpArguments, helpSubcommands, helpExamples
    case helpDefault, helpRequired, noHelpFor, helpListsEverything, helpWholeNumber, helpNumber, helpName
    case helpText, helpNames, glossaryTitle, glossaryTerm, glossaryEnglish, glossaryMeaning
    // MARK: Questions
    case saveBeforeQuitting, saveAsName, unsavedCommands, unsavedLast, inputEndedNotSaved, recoverNext
    case notSavedKept, notSaved, stillHere, droppedUnsaved, replacesSessionGoOn, recoverIt, nameForSession
    case replayStep
    // MARK: Stumbles
    case modelAddIsLayerAdd, trainTakesEpochs, tutorialTakesStart, plotLossIsCost, nextInEnglish
    case undoNothing, undoDone, undoTakesBack, unknownPlot
    // MARK: More
    case groupData
    case groupModel
    case groupTraining
    case groupInspect
    case groupCompare
    case groupSessions
    case groupLessons
    case groupShell
    case glossaryHint
    case lessonHasNoFast
    case fastEpochs
    case fastExamples
    case lessonRunsFast
    case fastWritten
    case sessionExistsReplace
    case savedOn
    case notSavedUnchanged
    case nothingChanged
    case columnRun
    case columnDiffers
    case columnEpochs
    case columnCost
    case columnTrain
    case columnValidation
    case columnEval
    case columnOn
    case columnRecipe
    case course101
    case course102
    case course103
    case course104
    case course105
    case courseLab
    case courseWhat
    case courseCourse
    case courseReference
    case courseYours
    case courseDifference
    case courseTitle
    case courseTableTitle
    case courseNotEvaluated
    case courseNote
    case columnLast
    case sweepChartTitle
    case sweepChartsValidation
    case sweepChartsCost
    case trainingStopped
    case trainingDiverged
    case trainingHeader
    case epochWord
    case notTrainedYet
    case evalLine
    case splitTrain
    case splitValidation
    case splitTest
    case columnSeconds
    case sweepLeavesModel
    case modelFits
    case modelDoesNotFit
    case tutLessonHeading
    case tutLessonFacts
    case tutHowItWorks
    case tutMinutes
    case tutStepHeading
    case tutEnterRunsOne
    case tutEnterRunsMany
    case tutEnterContinues
    case tutRefusalNote
    case tutRefusedAsExpected
    case tutNotRefused
    case tutNextUp
    case tutLastStepRan
    case tutFinished
    case tutAgreed
    case tutNextLesson
    case tutLastLesson
    case tutStopped
    case tutCommandFailed
    case tutReferenceHeading
    case tutSkippedStep
    case tutAtFirstStep
    case tutCatchUp
    case tutCatchingUp
    case tutPosition
    case tutPositionRan
    case tutPositionGoesOn
    case tutPositionRuns
    case tutListHeading
    case tutColumnTitle
    case tutColumnTime
    case tutColumnSteps
    case tutColumnProgress
    case tutDone
    case tutAtStep
    case tutRunning
    case tutListHint
    case tutNoLesson
    case tutNoLessonHint
    case tutPaused
    case tutNoTranslation
    case tutTranslationDiffers
    case tutProgressNotSaved
    case tutProgressUnreadable
    case figRun
    case figValidation
    case figSplitAccuracy
    case figEpochs
    case figStoppedEarly
    case figEvaluation
    case figEnsemble
    case figGradients
    case courseDifferenceMeans
    case modelNew
    case modelReset
    case modelEmpty
    case showLayer
    case showType
    case showOutput
    case showReads
    case showInitializer
    case showParams
    case showTotal
    case showInput
    case showInputUnknown
    case layerRemoved
    case seedSet
    case noData
    case noDataHint
    case noLayers
    case noLayersHint
    case noRunNamed
    case nothingTrainedYet
    case trainOneAs
    case runsAre
    case noRunsYet
    case nothingToPlot
    case trainFirst
    case metricCost
    case metricAccuracy
    case metricValidation
    case metricBoundary
    case perBatches
    case perEpoch
    case chartTitle
    case batchWord
    case gradsPlotTitle
    case layerLine
    case layerParameters
    case layerSizesLater
    case dataLoaded
    case sweepHeader
    case initOneLayer
    case initEveryLayer
    case initStarts
    case initDrawnLater
    case initNoWeights
    case initPickWeighted
    case setKeepOwn
    case setLrOptimizers
    case predictRight
    case predictWrong
    case predictHeader
    case predictUntrained
    case allRight
    case someWrong
    case sessionsSession
    case sessionsSaved
    case sessionsModel
    case sessionsData
    case sessionsLastResult
    case sessionsHint
    case alphaOnly
    case leaveItOut
    case kOnly
    case positionPastEnd
    case positionHint
    case layerNameTaken
    case layerNameHint
    case noEarlierLayer
    case earlierLayers
    case layerIsRead
    case layerIsReadHint
    case noLayerNumber
    case seeModelShow
    case noLayerNamed
    case layersAre
    case tbIsOn
    case tbIsOff
    case tbTurnedOn
    case tbView
    case gradsMeanGradient
    case gradsMeanWeight
    case gradsRatio
    case gradsPlotScale
    case evalKeepsEveryUnit
    case evalKeepsEveryUnitHint
    case noValidationSplit
    case useEvalTest
    case modelCannotBeBuilt, checkWithModelShow, copiesOfThatModel, thatModel, weightsAndMegabytes, uncountableWeights
    case modelOverLimit, fewerMembersOrUnits, fewerUnits, lineTooLong, lineTooLongHint, noCommandsYet
    case outputDoesNotFit
    case oneUnitSigmoid
    case makeLastLayer
    case boundaryAlone
    case boundaryAloneHint
    case logCostOnly
    case everyCostOnly
    case seedNeedsNumber
    case setNeedsValue
    case fileLinePlace
}

extension Message: Catalog {}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: Message, _ values: Any...) -> String { key.text(values) }

/// True when the learner answered yes: y/yes, or 예/네/응 in Korean.
package func isYes(_ answer: String?) -> Bool {
    guard let a = answer?.trimmingCharacters(in: .whitespaces).lowercased(), let first = a.first else { return false }
    return first == "y" || ["예", "네", "응", "ㅇ"].contains(where: { a.hasPrefix($0) })
}

/// True when the learner answered no: n/no, or 아니요/아니 in Korean.
package func isNo(_ answer: String?) -> Bool {
    guard let a = answer?.trimmingCharacters(in: .whitespaces).lowercased(), let first = a.first else { return false }
    return first == "n" || ["아니", "ㄴ"].contains(where: { a.hasPrefix($0) })
}
