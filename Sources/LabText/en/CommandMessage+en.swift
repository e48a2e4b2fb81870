// CommandMessage+en: CommandMessage's sentences in English. Say what was wrong and how to fix it, short and plain.

extension CommandMessage {
    public var english: String {
        switch self {
        }
    }
}
