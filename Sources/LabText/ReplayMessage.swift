// ReplayMessage: what replaying a session says (the `replay` command and `nnlab replay`), and what the
// start of the REPL says while it recovers unsaved work (module LabSessions).
// English templates in en/ReplayMessage+en.swift, Korean in ko/ReplayMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of replaying or recovering, by key.
public enum ReplayMessage: Catalog {
    // MARK: The replay command
    case replayingFrom, replayStopped, replayLabUnchanged, replayRecordedFile, replayRecordedFastFile
    case replayFiguresDiffer, replayFiguresDifferHint, replayFastIsCheck, replayHoldsUpTo, replayHoldsSession
    case replayOnlyFullRecorded, replayRunAgainHint, replayJournaledCount, replayJournaledCountHint
    case replayCannotRecord, replayFileUnchangedHint, replayExampleNotRewritten, replayCopyExampleHint
    // MARK: Replaying
    case replayingFast, replayingNoFast, replaying, replayLinePrefix, replayStoppedBefore, replayOtherData
    case replayOtherArithmetic, replayOlderArithmetic
    case replayPlaceNumber, replayPlaceWords, replayMatches, replayMatchLineOne, replayMatchLineMany, replayWithin, replayWithinDetail, replayWithinNote
    case replayDiffers, replayDiffersSameBits, replayDiffersBeyond, replayCountDiffersOne, replayCountDiffersMany
    case replayNotRecorded, replayNotRecordedFast, replayRecordedLabel, replayReplayedLabel, replayNone
    case replaySummaryOne, replaySummaryMany, replaySummaryFailed, replaySummaryDiffersSameBitsOne
    case replaySummaryDiffersSameBitsMany, replaySummaryDiffersBeyondOne, replaySummaryDiffersBeyondMany
    case replaySummaryAllMatch, replaySummarySomeWithin, replaySummaryStoppedEarly, replayNotComparable
    // MARK: nnlab replay
    case replayNoSessionFiles, replayCopyExampleFirstHint, replayNameSomething, replayOutcomeUnreadable
    case replayOutcomeNotSession, replayOutcomeLineFailed, replayOutcomeAgrees, replayOutcomeDiffer
    case replayOutcomeRecorded, replayOutcomeNotRecorded, replayRecordedWithWeights, replayedSessions
    case replayedSessionsFast, replayIsFolder, replayIsFolderHint, replayNoFile, replayNoFileHint
    case replayNoSessionIn, replayNoSessionInOrExamples, replayListThemHint, scriptCannotRead
    // MARK: Recovery at the start
    case recoveryUnsavedOne, recoveryUnsavedMany, recoveryEndedWithoutSaving, recoveryEndedWithoutSavingOnBase, recoveryQuestion, recoveryAskAgain
    case recoveryNotRecovered, recoveryNotRecoveredKept, recoveryKeptForLater, recoveryNothing, recoveryElsewhere
    case recoveryClaimedByOther, recoveryBase, recoveryCtrlC, recoveryStep, recoveryBaseFailed
    case recoveryBaseFailedKept, recoveryStoppedAt, recoveryCommandFailed, recoveryEveryCommandKept
    case recoveryRecoveredOne, recoveryRecovered, recoveryRecoveredOnSessionOne, recoveryRecoveredOnSession, recoveryMoreLeftOne, recoveryMoreLeftMany
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: ReplayMessage, _ values: Any...) -> String { key.text(values) }
