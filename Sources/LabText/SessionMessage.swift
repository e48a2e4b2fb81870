// SessionMessage: what saving, loading, replaying, listing sessions, autosave and recovery say (module
// LabSessions).
// English templates in en/SessionMessage+en.swift, Korean in ko/SessionMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabSessions, by key.
public enum SessionMessage: Catalog {
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: SessionMessage, _ values: Any...) -> String { key.text(values) }
