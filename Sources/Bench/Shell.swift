import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program found on PATH and returns what it printed; a failure carries its stderr.
///
/// posix_spawn and waitpid rather than `Process`: `tmux new-session` leaves a server behind that
/// inherits the child's descriptors, so output goes to files (a pipe would never reach end of
/// file), and the wait is for the child itself.
enum Shell {
    @discardableResult
    static func run(_ arguments: [String], input: String? = nil) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bench-shell-\(UUID().uuidString)").path
        let (inPath, outPath, errPath) = (base + ".in", base + ".out", base + ".err")
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(((input ?? "") + (input == nil ? "" : "\n")).utf8))
        defer { for path in [inPath, outPath, errPath] { try? FileManager.default.removeItem(atPath: path) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments.first ?? ""): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let printed = FileManager.default.contents(atPath: outPath) ?? Data()
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exited == 0 else {
            let complaint = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
            throw BenchError("\(arguments.joined(separator: " ")) failed (\(exited)): "
                             + complaint.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: printed, as: UTF8.self)
    }
}
