// SessionMessage: what saving, loading, listing sessions and autosave say (module LabSessions), and how
// the session files and weights files are refused. Replaying and recovery are in ReplayMessage.
// English templates in en/SessionMessage+en.swift, Korean in ko/SessionMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabSessions, by key.
public enum SessionMessage: Catalog {
    // MARK: Names
    case sessionNeedsName, sessionSeeSessions, sessionNameRuleHint, sessionNameReplayPathHint, sessionNameHasSeparator
    case sessionNameEmpty, sessionNameTooLong, sessionNameBadCharacter, sessionNameBadStart
    // MARK: save
    case sessionHasNoName, sessionNameItHint, sessionNothingToSave, sessionBuildFirstHint, sessionExistsAlready
    case sessionForceReplacesHint, sessionSaved, sessionCommandOne, sessionCommandMany, sessionBytes
    case sessionCannotSave, sessionSaveFailedHint, sessionSaveFailedDiskFullHint, sessionWeightsWaitHint
    // MARK: load and sessions
    case sessionEnsembleWord
    case sessionNotFound, sessionNotFoundAnywhere, sessionSaveOneHint, sessionListHint
    case sessionLoaded, sessionLoadedOn, sessionLoadedSummary, sessionLoadedSummaryBest, sessionNone
    case sessionFromOwn, sessionFromExample
    case sessionListEmpty, sessionListYours, sessionListExamples, sessionListUnreadable
    // MARK: Reading the files
    case sessionProblemMissing, sessionProblemNotRegular, sessionProblemUnreadable, sessionPathProblem
    case sessionPlainTextHint, sessionNoSuchFile
    case sessionWeightsNotBeside, sessionWeightsNotBesideHint, sessionRolledForward
    case sessionWeightsMismatch, sessionWeightsMismatchHint, sessionMismatchLoaded
    case sessionWeightsIrregular, sessionWeightsMissing, sessionWeightsRestoreHint, sessionWeightsDamagedHint
    case sessionWeightsUnreadable
    case sessionOtherData, sessionInputWidth, sessionOtherDataHint, sessionOtherDataSeeWarningHint
    case sessionModelMetadataHint, sessionModelDoesNotBuild, sessionModelDoesNotBuildHint
    case sessionDataLineDamaged, sessionFixOrRestoreHint, sessionDataCannotLoad
    case sessionRestoredModelNoBuild
    // MARK: The weights file's metadata and tensors
    case sessionMetaOutOfRange, sessionMetaEditedHint, sessionMetaOwnSetting, sessionMetaSetting
    case sessionMetaUnitsOf, sessionMetaKeepProbOf, sessionMetaStepsOf, sessionMetaOfRun
    case sessionMetaConstant, sessionMetaUniformLimit, sessionMetaInputWidth
    case sessionMetaNotWhole, sessionMetaInvalid, sessionMetaMissing, sessionMetaNotWidth, sessionMetaNotStep
    case sessionMetaNotSeed, sessionMetaGenerator, sessionMetaNotNnlabHint
    case sessionWeightsNewer, sessionUpdateNnlabHint, sessionWeightsNoModel, sessionWeightsNoModelHint
    case sessionOtherModelHint, sessionWeightsIncomplete, sessionTensorMissing, sessionTensorMissingSlot
    case sessionTensorShape, sessionTensorNotFinite, sessionSlotsNoStep, sessionFileDamagedHint, sessionTensorExtra
    // MARK: The session file (.nnlab)
    case sessionFileLine, sessionFileNotUTF8, sessionFileNotUTF8Hint, sessionFileEmpty, sessionFileEmptyHint
    case sessionFileNotSession, sessionFileRunHint, sessionFileSaveHint, sessionFileCutShort, sessionFileCutShortHint
    case sessionFileTextAfterEnd, sessionFileEndLast, sessionFileFastPlace, sessionFileFastPlaceHint
    case sessionFileHeaderLine, sessionFileHeaderLineHint, sessionFileNoFormat, sessionFileNoFormatHint
    case sessionFileControl, sessionFileControlHint, sessionFileCheckCommandHint, sessionFileForbidden
    case sessionFileForbiddenHint, sessionFileFormatWhole, sessionFileFormatWholeHint, sessionFileNewer
    case sessionFileSeed, sessionFileSeedHint, sessionFileIdentity, sessionFileIdentityHint
    case sessionFileWeightsLine, sessionFileLineDamagedHint, sessionFileFast, sessionFileFastHint, sessionFileFastEmpty
    // MARK: Autosave
    case sessionNotAutosaved, sessionAutosaveStopped
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: SessionMessage, _ values: Any...) -> String { key.text(values) }
