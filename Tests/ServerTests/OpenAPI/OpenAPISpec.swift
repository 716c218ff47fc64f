import Foundation
import Yams

/// docs/openapi.yaml, and a validator for the part of JSON Schema it uses: `$ref`, `type`,
/// `enum`, `const`, `required`, `properties`, `additionalProperties: false`, `items`,
/// `minimum`/`maximum`, `minItems`/`maxItems`, `minLength`/`maxLength`.
struct OpenAPISpec {
    let root: [String: Any]

    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml").path
    }

    init() throws {
        let text = try String(contentsOfFile: OpenAPISpec.path, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw SpecError("openapi.yaml is not a mapping") }
        self.root = root
    }

    struct SpecError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    var paths: [String: Any] { root["paths"] as? [String: Any] ?? [:] }

    /// Resolves `{"$ref": "#/components/…"}`.
    func resolve(_ node: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String, ref.hasPrefix("#/") else { return node }
        var current: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (current as? [String: Any])?[String(part)] else { return [:] }
            current = next
        }
        return resolve(current as? [String: Any] ?? [:])
    }

    /// The documented response for an operation and status, or nil when it is not documented.
    func response(_ path: String, _ method: String, _ status: Int) -> [String: Any]? {
        guard let operation = (paths[path] as? [String: Any])?[method.lowercased()] as? [String: Any],
              let responses = operation["responses"] as? [String: Any],
              let response = responses[String(status)] as? [String: Any] else { return nil }
        return resolve(response)
    }

    /// The JSON schema of a documented response body.
    func jsonSchema(_ path: String, _ method: String, _ status: Int) -> [String: Any]? {
        guard let response = response(path, method, status),
              let content = response["content"] as? [String: Any],
              let json = content["application/json"] as? [String: Any],
              let schema = json["schema"] as? [String: Any] else { return nil }
        return resolve(schema)
    }

    /// Every way `value` breaks `schema`, as "path: problem" lines.
    func problems(_ value: JSONValue, _ schemaNode: [String: Any], at path: String = "$") -> [String] {
        let schema = resolve(schemaNode)
        var out: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { matches(value, $0) }) {
            out.append("\(path): \(value) is not one of \(allowed)")
        }
        if let constant = schema["const"], !matches(value, constant) { out.append("\(path): must be \(constant)") }
        switch (schema["type"] as? String, value) {
        case (nil, _): break
        case ("object", .object(let fields)):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where fields[key] == nil { out.append("\(path): missing \(key)") }
            if schema["additionalProperties"] as? Bool == false {
                for key in fields.keys where properties[key] == nil { out.append("\(path): undocumented field \(key)") }
            }
            for (key, field) in fields {
                if let property = properties[key] as? [String: Any] { out += problems(field, property, at: "\(path).\(key)") }
            }
        case ("array", .array(let items)):
            if let min = schema["minItems"] as? Int, items.count < min { out.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, items.count > max { out.append("\(path): more than \(max) items") }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { out += problems(item, itemSchema, at: "\(path)[\(index)]") }
            }
        case ("string", .string(let text)):
            if let min = schema["minLength"] as? Int, text.count < min { out.append("\(path): shorter than \(min)") }
            if let max = schema["maxLength"] as? Int, text.count > max { out.append("\(path): longer than \(max)") }
        case ("integer", .number(let number)) where number.rounded() == number, ("number", .number(let number)):
            if let min = (schema["minimum"] as? NSNumber)?.doubleValue, number < min { out.append("\(path): below \(min)") }
            if let max = (schema["maximum"] as? NSNumber)?.doubleValue, number > max { out.append("\(path): above \(max)") }
        case ("boolean", .bool):
            break
        case (let type?, _):
            out.append("\(path): expected \(type), got \(value)")
        }
        return out
    }

    private func matches(_ value: JSONValue, _ expected: Any) -> Bool {
        switch value {
        case .string(let text): return (expected as? String) == text
        case .bool(let flag): return (expected as? Bool) == flag
        case .number(let number): return (expected as? NSNumber)?.doubleValue == number
        default: return false
        }
    }
}
