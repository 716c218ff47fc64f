import Foundation
import TOMLKit
import Views

/// A theme file that cannot be used, named by file and key so the user can fix it.
struct ThemeError: Error, Equatable, CustomStringConvertible {
    let file: String
    let key: String?
    let detail: String

    /// The file name first (the message line is narrow), the full path last.
    var description: String {
        let name = URL(fileURLWithPath: file).lastPathComponent
        return "theme \(name)" + (key.map { ", key '\($0)'" } ?? "") + ": \(detail)" + (name == file ? "" : " (\(file))")
    }
}

/// Reads the TOML theme format:
///
/// ```toml
/// # one line per style role; fg/bg are "#rrggbb", both optional
/// ok = { fg = "#5fd75f" }
/// statusBar = { fg = "#ffffff", bg = "#005f87" }
/// normal = {}
/// ```
enum ThemeFile {
    /// Top-level keys that are not roles.
    static let metadataKeys: Set<String> = ["description"]

    /// Parses one theme; `file` names it in errors, `name` is what selects it.
    static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, key: nil,
                             detail: "not valid TOML at line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ThemeError(file: file, key: nil, detail: "not valid TOML: \(error)")
        }
        var roles: [StyleRole: Theme.Colors] = [:]
        for key in table.keys.sorted() where !metadataKeys.contains(key) {
            guard let role = StyleRole(rawValue: key) else {
                throw ThemeError(file: file, key: key,
                                 detail: "not a style role; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let entry = table[key]?.table else {
                throw ThemeError(file: file, key: key, detail: "expected a table such as { fg = \"#5fd75f\" }")
            }
            roles[role] = try colors(entry, key: key, file: file)
        }
        return Theme(name: name, roles: roles)
    }

    static func colors(_ entry: TOMLTable, key: String, file: String) throws(ThemeError) -> Theme.Colors {
        var colors = Theme.Colors()
        for field in entry.keys.sorted() {
            let path = "\(key).\(field)"
            guard field == "fg" || field == "bg" else {
                throw ThemeError(file: file, key: path, detail: "unknown field; use fg and bg")
            }
            guard let text = entry[field]?.string else {
                throw ThemeError(file: file, key: path, detail: "expected a string such as \"#5fd75f\"")
            }
            guard let rgb = RGB(hex: text) else {
                throw ThemeError(file: file, key: path, detail: "'\(text)' is not a colour; write #rrggbb")
            }
            if field == "fg" { colors.fg = rgb } else { colors.bg = rgb }
        }
        return colors
    }

    /// Reads and parses a file; the theme is named after the file.
    static func load(path: String) throws(ThemeError) -> Theme {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError(file: path, key: nil, detail: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(text, name: name, file: path)
    }
}
