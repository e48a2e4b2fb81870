// The message catalogs and the Korean command texts: nothing exists in one language only, and
// nothing Korean is English left untranslated.

import NNEngine
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct MessageCatalogTests {
    /// Messages that read the same in both languages on purpose.
    static let intentionallyIdentical: Set<String> = ["Message.course101"]   // "softmax" is the word in both

    static var everyTemplate: [(key: String, en: String, ko: String)] { Catalogs.all.flatMap { $0 } }

    @Test func everyKoreanMessageIsTranslated() {
        for t in Self.everyTemplate where !Self.intentionallyIdentical.contains(t.key) {
            #expect(t.ko != t.en, "\(t.key) is the same in Korean and English")
            #expect(!t.ko.isEmpty, "\(t.key) is empty in Korean")
            let words = t.ko.contains { $0.isLetter }   // ", " and "{2} {1}: {3}" have none to translate
            #expect(!words || t.ko.contains { ("\u{AC00}"..."\u{D7A3}").contains($0) }, "\(t.key) has no Korean in it: \(t.ko)")
        }
    }

    @Test func koreanMessagesTakeTheSameValues() {
        for t in Self.everyTemplate {
            for n in 1...9 {
                // Korean may leave out an English-only value (a plural "s"), never add one.
                #expect(!(t.ko.contains("{\(n)}") && !t.en.contains("{\(n)}")), "\(t.key): Korean uses {\(n)}, English does not")
            }
            #expect(t.ko.contains("{1}") == t.en.contains("{1}"), "\(t.key): {1} in one language only")
        }
    }

    @Test func keysAreUniqueAcrossCatalogs() {
        // `loc(.key)` picks its catalog by the key's name, so a name must be in one catalog only.
        let names = Self.everyTemplate.map { $0.key.split(separator: ".").last.map(String.init) ?? $0.key }
        let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "keys in more than one catalog: \(repeated)")
    }

    @Test func valuesFillTheTemplate() {
        #expect(Message.unknownCommand.text(["trian"], language: .en) == "unknown command 'trian'")
        #expect(Message.unknownCommand.text(["trian"], language: .ko) == "'trian' 명령은 없습니다")
    }

    @Test func locFollowsTheBoundLanguage() {
        #expect(loc(.emptyCommand) == "empty command")
        Language.$current.withValue(.ko) { #expect(loc(.emptyCommand) == "명령이 비어 있습니다") }
    }

    @Test func koreanYesAndNo() {
        #expect(isYes("y") && isYes("yes") && isYes("예") && isYes(" 네 "))
        #expect(!isYes("n") && !isYes("") && !isYes(nil) && !isYes("아니요"))
        #expect(isNo("n") && isNo("아니요") && isNo("아니") && !isNo("예"))
    }
}

@Suite struct CommandTextTests {
    /// Every command path has a Korean summary; details and every argument's help exist in
    /// Korean exactly when they exist in English.
    @Test func everyCommandHasKoreanText() {
        var missing: [String] = []
        for (path, spec) in CommandTable.flattened() {
            let key = path.joined(separator: " ")
            guard let ko = KoreanCommandText.entries[key] else {
                missing.append("\(key) | \(spec.summary) | \(spec.details) | " + spec.arguments.map { "\($0.name): \($0.help)" }.joined(separator: "; "))
                continue
            }
            if ko.summary.isEmpty || ko.summary == spec.summary { missing.append("\(key): summary") }
            if spec.details.isEmpty != ko.details.isEmpty { missing.append("\(key): details (\(spec.details))") }
            for a in spec.arguments where ko.arguments[a.name] == nil { missing.append("\(key) \(a.name): \(a.help)") }
            for name in ko.arguments.keys where !spec.arguments.contains(where: { $0.name == name }) {
                missing.append("\(key): Korean help for '\(name)', which the command does not take")
            }
        }
        #expect(missing.isEmpty, "missing or stale Korean command text:\n\(missing.joined(separator: "\n"))")
    }

    @Test func noKoreanEntryForACommandThatDoesNotExist() {
        let paths = Set(CommandTable.flattened().map { $0.path.joined(separator: " ") })
        let stale = KoreanCommandText.entries.keys.filter { !paths.contains($0) }.sorted()
        #expect(stale.isEmpty, "Korean text for commands that do not exist: \(stale)")
    }

    @Test func everyWordDefaultHasKoreanText() {
        for (_, spec) in CommandTable.flattened() {
            for a in spec.arguments {
                guard let d = a.defaultText, Double(d) == nil, d.contains(where: \.isLetter), d.range(of: #"^[a-z_]+$"#, options: .regularExpression) == nil else { continue }
                #expect(KoreanCommandText.defaults[d] != nil, "no Korean for the default '\(d)' of \(spec.name) \(a.name)")
            }
        }
    }

    @Test func koreanHelpIsKorean() {
        let t = TestLab()
        t.run("set lang ko", "help", "help train")
        #expect(t.output.contains("nnlab 명령"))
        #expect(t.output.contains("학습 데이터로 모델을 학습시킵니다"))
        #expect(t.output.contains("사용법: train"))
        #expect(!t.output.contains("Train the model on the training split"))
    }

    @Test func koreanErrorsAndHints() {
        let t = TestLab()
        t.run("set lang ko")
        let e = t.failure("trian")
        #expect(e.contains("오류: 'trian' 명령은 없습니다"))
        #expect(e.contains("혹시 'train'?"))
        #expect(t.failure("train epochs=0").contains("쓸 수 있는 범위는 1부터"))
    }

    @Test func everyEngineChoiceHasAKoreanLine() {
        for name in Activation.allNames { #expect(KoreanTopics.activations[name] != nil, "no Korean line for activation \(name)") }
        for name in Initializer.allNames { #expect(KoreanTopics.initializers[name] != nil, "no Korean line for initializer \(name)") }
        for kind in OptimizerKind.allCases { #expect(KoreanTopics.optimizers[kind.rawValue] != nil, "no Korean line for optimizer \(kind)") }
    }

    @Test func glossaryUsesOneWordPerTerm() {
        let t = TestLab()
        t.run("help glossary")
        #expect(t.output.contains("기울기 소실") && t.output.contains("vanishing gradient"))
        #expect(t.output.contains("에폭") && t.output.contains("은닉층"))
        let koreanText = Message.allCases.map { $0.template(.ko) }.joined() + KoreanCommandText.entries.values.map { $0.summary + $0.details + $0.arguments.values.joined() }.joined()
        for avoided in ["에포크", "숨은 층", "숨겨진 층"] { #expect(!koreanText.contains(avoided), "use the glossary's word, not \(avoided)") }
    }
}
