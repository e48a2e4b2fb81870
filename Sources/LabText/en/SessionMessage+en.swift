// SessionMessage+en: SessionMessage's sentences in English. Say what was wrong and how to fix it, short and plain.

extension SessionMessage {
    public var english: String {
        switch self {
        }
    }
}
