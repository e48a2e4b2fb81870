// EngineMessage+en: EngineMessage's sentences in English. Say what was wrong and how to fix it, short and plain.

extension EngineMessage {
    public var english: String {
        switch self {
        }
    }
}
