import Foundation
import Domain
import Views

/// The saved board views, as JSON beside the console's config. Written whole through a
/// temporary file and a rename, so a crash mid-write keeps the previous views.
struct SavedViewStore {
    let path: String

    init(directory: DataDirectory) {
        path = URL(fileURLWithPath: directory.configFile).deletingLastPathComponent().appendingPathComponent("views.json").path
    }

    /// No file yet means no views; an unreadable file is reported, never silently emptied.
    func load() throws -> [SavedView] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode([SavedView].self, from: data)
        } catch {
            throw ConsoleError.badConfig(path: path, detail: "not a list of saved views (\(error.localizedDescription)); move it away to start afresh")
        }
    }

    func save(_ views: [SavedView]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(views)
        let temporary = path + ".tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        if FileManager.default.fileExists(atPath: path) {
            _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: URL(fileURLWithPath: temporary))
        } else {
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        }
    }
}
