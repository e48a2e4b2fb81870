// LessonMessage: what exercises, lesson checks, recipe constraints, the lesson library, progress and the
// verifier say (module LabTutorials).
// English templates in en/LessonMessage+en.swift, Korean in ko/LessonMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabTutorials, by key.
public enum LessonMessage: Catalog {
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: LessonMessage, _ values: Any...) -> String { key.text(values) }
