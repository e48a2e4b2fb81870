// SessionMessage+ko: SessionMessage's sentences in Korean, written as a Korean teacher would say them, not word
// for word (에폭, 은닉층, 기울기: `help glossary` lists the terms).

extension SessionMessage {
    public var korean: String {
        switch self {
        }
    }
}
