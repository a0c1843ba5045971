import Foundation

/// Checks the three folders a build touches — lessons, output, cache — before anything is
/// written or deleted, so that a typo on the command line (`--output .`, `--cache Notes`,
/// `--output ""`) can never point `notes` at the user's own files.
///
/// Refused, with nothing touched: an empty path, `/`, the home folder, the working folder,
/// and any folder equal to, inside or containing another of the three. Paths are compared
/// after resolving symbolic links (of the longest part that exists).
public enum FolderRoles {
    public enum Role: String, Sendable {
        case notes = "--notes", output = "--output", cache = "--cache"
    }

    /// The first problem with the given folders, as a message that says what to do; nil when
    /// they are safe to use. `folders` holds the raw paths as given (nil for a role not used).
    public static func problem(notes: String?, output: String?, cache: String?,
                               workingFolder: String = FileManager.default.currentDirectoryPath,
                               home: String = NSHomeDirectory()) -> String? {
        let given: [(Role, String)] = [(.notes, notes), (.output, output), (.cache, cache)]
            .compactMap { role, path in path.map { (role, $0) } }
        var resolved: [(Role, String, String)] = []
        for (role, path) in given {
            if path.trimmingCharacters(in: .whitespaces).isEmpty {
                return "\(role.rawValue) is empty; name a folder, e.g. \(role.rawValue) \(defaultName(role))"
            }
            let real = canonical(path, relativeTo: workingFolder)
            if real == "/" { return "\(role.rawValue) '\(path)' is the root folder; name a folder of its own, e.g. \(defaultName(role))" }
            if real == canonical(home, relativeTo: "/") {
                return "\(role.rawValue) '\(path)' is your home folder; name a folder of its own, e.g. \(defaultName(role))"
            }
            if real == canonical(workingFolder, relativeTo: "/") {
                return "\(role.rawValue) '\(path)' is the working folder; name a folder of its own, e.g. \(defaultName(role))"
            }
            resolved.append((role, path, real))
        }
        for (i, a) in resolved.enumerated() {
            for b in resolved[(i + 1)...] {
                if a.2 == b.2 {
                    return "\(a.0.rawValue) '\(a.1)' and \(b.0.rawValue) '\(b.1)' are the same folder; give each its own folder"
                }
                if isInside(a.2, b.2) {
                    return "\(a.0.rawValue) '\(a.1)' is inside \(b.0.rawValue) '\(b.1)'; keep the folders apart"
                }
                if isInside(b.2, a.2) {
                    return "\(b.0.rawValue) '\(b.1)' is inside \(a.0.rawValue) '\(a.1)'; keep the folders apart"
                }
            }
        }
        return nil
    }

    static func defaultName(_ role: Role) -> String {
        switch role {
        case .notes: return "Notes"
        case .output: return "Output"
        case .cache: return ".notes-cache"
        }
    }

    /// Whether `inner` lies strictly below `outer` (both canonical).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner.hasPrefix(prefix)
    }

    /// An absolute, normalised path with the symbolic links of its existing part resolved:
    /// `a/./b/../c` → `/work/a/c`; a path not yet created keeps its missing tail as written.
    public static func canonical(_ path: String, relativeTo base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [String] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(part))
        }
        // Resolve the longest existing prefix through realpath(3).
        var existing = parts.count
        while existing > 0 {
            let prefix = "/" + parts[0..<existing].joined(separator: "/")
            if let real = realPath(prefix) {
                let rest = parts[existing...]
                let joined = rest.isEmpty ? real : (real == "/" ? "" : real) + "/" + rest.joined(separator: "/")
                return joined
            }
            existing -= 1
        }
        return "/" + parts.joined(separator: "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
