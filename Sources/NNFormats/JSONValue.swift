// JSONValue: a parsed JSON document as a plain tree, for validating headers field by field.
//
// Foundation's JSONSerialization answers `true as? Int` with 1 on Linux, which would let a header
// say `"shape": [true]`; decoding into this enum keeps booleans, integers, other numbers and
// strings apart. It is for reading small headers, not a general JSON library (no writing; objects
// keep the first of duplicate keys, as Foundation's decoder does).

import Foundation

/// One JSON value.
indirect enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number with an integral value that fits in Int (`2`, `2.0` and `2e0` all land here).
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `bytes`, or returns why they are not JSON (with the position, when Foundation gives one).
    static func parse(_ bytes: Data) -> Result<JSONValue, ParseFailure> {
        if let value = try? JSONDecoder().decode(JSONValue.self, from: bytes) { return .success(value) }
        // The decoder's own error says only "not valid JSON"; JSONSerialization says where.
        var detail = "not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            if let where_ = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                detail = where_.hasSuffix(".") ? String(where_.dropLast()) : where_
            }
        }
        return .failure(ParseFailure(detail: detail))
    }

    /// Why a text is not JSON.
    struct ParseFailure: Error {
        let detail: String
    }

    /// "an object", "a string", ... for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// A short rendering for messages, cut at `limit` characters.
    func brief(limit: Int = 60) -> String {
        let full = render()
        return full.count <= limit ? full : String(full.prefix(limit)) + "..."
    }

    private func render() -> String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .string(let s): "\"\(s)\""
        case .array(let items): "[" + items.map { $0.render() }.joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value.render())" }
                .joined(separator: ", ") + "}"
        }
    }
}
