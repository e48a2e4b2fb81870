// CommandMessage: what the building, training and inspecting commands say: data, layers, init, set, train,
// sweep, ensemble, plot, export, runs (module LabCommands).
// English templates in en/CommandMessage+en.swift, Korean in ko/CommandMessage+ko.swift; Catalog.swift explains
// the rules.

/// A sentence of LabCommands, by key.
public enum CommandMessage: Catalog {
}

/// The message `key` in the current language, its {1}, {2}, ... filled with `values`.
public func loc(_ key: CommandMessage, _ values: Any...) -> String { key.text(values) }
