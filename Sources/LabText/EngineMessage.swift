// EngineMessage: the errors of the data sets (NNData.DataError), the model graph (NNEngine.ModelError)
// and the files beneath them, as the shell says them (LabCore/EngineErrorText.swift).
// English templates in en/EngineMessage+en.swift, Korean in ko/EngineMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabCore, by key.
public enum EngineMessage: Catalog {
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: EngineMessage, _ values: Any...) -> String { key.text(values) }
