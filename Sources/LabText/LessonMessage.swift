// LessonMessage: what exercises, lesson checks, recipe constraints, the lesson library, progress and the
// verifier say (module LabTutorials).
// English templates in en/LessonMessage+en.swift, Korean in ko/LessonMessage+ko.swift; Catalog.swift explains
// the rules. Where the runner speaks in an explicit language (the learner's, or the one `tutorial verify`
// runs), it asks `key.text(values, language:)`; errors thrown inside a command ask `loc(.key)`.

/// A sentence of LabTutorials, by key.
public enum LessonMessage: Catalog {
    // MARK: The lesson library and the list
    case lessonsNoneIn, lessonsInstallHint, lessonsNoneInWarning, lessonMatchesSeveral, lessonUseNumber
    case lessonNotFound, lessonListHint, lessonUnreadableRow, lessonFileMistakeHint, lessonShellGone
    case lessonFileLine, lessonFileUnreadable
    // MARK: A lesson and its translation (LessonStructure)
    case lessonDiffNumber, lessonDiffFast, lessonDiffTime, lessonDiffStepCount, lessonDiffWhere
    case lessonDiffCommands, lessonDiffExpectations, lessonDiffCourse, lessonDiffExerciseOneLanguage
    case lessonDiffKeep, lessonDiffHints, lessonDiffSolutions, lessonDiffMeasured
    // MARK: The lesson-file parser
    case lessonParseHeaderLine, lessonParseUnknownHeaderKey, lessonParseHeaderTwice, lessonParseNoNumber
    case lessonParseBadNumber, lessonParseNoTitle, lessonParseEmptyHeading, lessonParseEmptyStep
    case lessonParseTextBeforeStep, lessonParseCommandAfterExpect, lessonParseEmptyRefusal
    case lessonParseExerciseCommand, lessonParseExerciseLineAfterCommands, lessonParseExerciseLineOrder
    case lessonParseEmptyHint, lessonParseSolutionAlone, lessonParseCourseLine
    case lessonParseEmptyMeasured, lessonParseExpectSpace, lessonParseTextAfterExercise
    case lessonParseTextAfterCommands, lessonParseNoSteps, lessonParseNoSolution, lessonParseNoExpect
    case lessonParseFastValue, lessonParseFastKey, lessonParseFastEmpty
    // MARK: Expectations: parsing
    case expectNotExpectation, expectNotExpectationHint, expectNotComparison, expectComparisonHint
    case expectNonZero, expectNonZeroHint, expectCannotRead, expectCannotReadHint, expectNotRunMetric
    case expectRunMetricHint, expectNotRunName, expectRunNameHint, expectUnknownMetric, expectMetricsHint
    // MARK: Expectations: checking
    case checkAgrees, checkDiffers, checkVariantAgrees, checkVariantDiffers, checkNoSuchRun, checkNotMeasured
    case comparisonBelow, comparisonAtMost, comparisonAbove, comparisonAtLeast
    case comparisonMustBelow, comparisonMustAtMost, comparisonMustAbove, comparisonMustAtLeast
    // MARK: Constraints (`keep:`): parsing, what they say, checking
    case keepNotConstraint, keepNotConstraintHint, keepLayersNumber, keepUnknownActivation, keepUnknownOptimizer
    case keepDropoutNone, keepUnknown, keepUnknownHint
    case keepLayersRule, keepHiddenRule, keepDataRule, keepOptimizerRule, keepInitializerRule, keepNoDropoutRule
    case keepLayersKept, keepLayersBrokenOne, keepLayersBroken, keepHiddenKept, keepHiddenBroken
    case keepDataKept, keepDataBroken, keepOptimizerKept, keepOptimizerBroken, keepInitializerKept
    case keepInitializerBroken, keepNoDropoutKept, keepDropoutBrokenOne, keepDropoutBroken
    // MARK: Exercises
    case exerciseYourTurn, exerciseHowTo, exerciseChecking, exerciseSolved, exerciseSolvedAfterSolution
    case exerciseSolutionRan, exerciseHintAvailable, exerciseNotSolved, exerciseNotAnExercise, exerciseNoHints
    case exerciseHint, exerciseLastHint, exerciseSolutionHeading, exerciseSolutionRunsOne, exerciseSolutionRunsMany
    case exerciseNothingTrained, exerciseModelChanged, exerciseNoRecipe
    // MARK: Checking an ordinary step, and the learner's recipe
    case stepJudgedAsVariant, stepCheckingOwnRun, stepOwnRunDisagreed, stepDisagreed, stepNothingToCheck
    case recipeBuiltAt, recipeHiddenDiffers, recipeLayerCountDiffers, recipeModelDiffers, recipeOptimizerDiffers
    case recipeDataDiffers
    // MARK: The end of a lesson with steps still open
    case lessonEndOpen, lessonEndFailedOne, lessonEndFailedMany, lessonEndSkippedOne, lessonEndSkippedMany
    case lessonEndFailedAndSkipped, lessonEndAgreed, lessonEnterClosesAnyway
    // MARK: Running steps, progress and recording
    case stepRanNotRefused, stepErrorHint, progressCannotCreate, progressCannotEncode, recordCannotRead
    // MARK: The verifier
    case verifyRecordNotFast, verifyRecordNotFastHint, verifySomeFailed, verifySomeFailedHint
    case verifySummaryFast, verifySummaryFull, verifyLessonsOne, verifyLessonsMany, verifySteps, verifyChecksAgree
    case verifyCommandsFailedOne, verifyCommandsFailedMany, verifyStoppedCount, verifyUnreadableOne
    case verifyUnreadableMany, verifyPassed, verifyFailed, verifyLessonHeading, verifyStepOK, verifyStepFail
    case verifyRefusals, verifyExerciseRan, verifyNotMeasured, verifyRecipeReaderDisagrees, verifyLessonTally
    case verifyLessonTallyFailedOne, verifyLessonTallyFailedMany, verifyNotRecordedFailed, verifyNotRecordedSteps
    case verifyRecorded, verifyNotRecorded, durationSeconds, durationMinutes
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: LessonMessage, _ values: Any...) -> String { key.text(values) }
