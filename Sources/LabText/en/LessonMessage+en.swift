// LessonMessage+en: LessonMessage's sentences in English. Say what was wrong and how to fix it, short and plain.

extension LessonMessage {
    public var english: String {
        switch self {
        }
    }
}
