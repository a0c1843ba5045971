import Foundation

extension SiteBuilder {
    /// The course's freeze for this build: nil when it has none (and nothing is to be
    /// frozen); with `writesFreeze`, created or claimed, after refusing a non-default
    /// numeric setting, whose results the freeze must never hold.
    func openFreeze() throws -> ResultFreeze? {
        guard let freeze = options.freeze else { return nil }
        if options.writesFreeze {
            guard options.numerics.isDefault else {
                throw BuildError("""
                    results computed with a non-default numeric setting (\(options.numerics.description)) are never frozen: \
                    the freeze must be what every machine computes; unset OPENBLAS_CORETYPE and run notes freeze again
                    """)
            }
            try freeze.claim()
            return freeze
        }
        return freeze.exists ? freeze : nil
    }

    /// After the run: writes the results the freeze lacks and removes entries no lesson uses
    /// (`writesFreeze`), or reports them (`auditsFreeze`). With `--lesson`, only those lessons'
    /// entries are looked at.
    func reconcile(_ freeze: ResultFreeze, plans: [LessonPlan], lessons: [Lesson],
                   outcomes: [[Int: DirectiveOutcome]]) -> ([Diagnostic], FreezeSummary?) {
        let writes = options.writesFreeze, audits = options.auditsFreeze
        guard writes || audits else { return ([], nil) }
        var summary = FreezeSummary(folder: freeze.displayPath)
        var problems: [Diagnostic] = []
        var used: [String: Set<String>] = [:]
        for ((plan, lesson), outcomes) in zip(zip(plans, lessons), outcomes) {
            let keys = plan.resultKeys()
            used[lesson.slug, default: []].formUnion(keys.values)
            for (index, key) in keys.sorted(by: { $0.key < $1.key }) {
                guard let outcome = outcomes[index], let result = outcome.result, outcome.key == key,
                      FrozenEntry.canFreeze(result) else { continue }
                let call = plan.directives[index].call
                func problem(_ id: String, _ message: String, _ suggestion: String) {
                    problems.append(Diagnostic(file: lesson.path, line: call.location.line, column: call.location.column,
                                               id: id, message: message, suggestion: suggestion))
                }
                switch outcome.freezeEntry {
                case .held:
                    summary.kept += 1
                case .missing, .unreadable, nil:
                    if writes {
                        do {
                            try freeze.write(FrozenEntry(key: key, lesson: lesson.slug, directive: plan.directives[index].canonicalForm,
                                                         result: result))
                            summary.written += 1
                        } catch {
                            problem("freeze-write-failed", "the result of @\(call.name) could not be frozen: \(error)",
                                    "check that \(freeze.displayPath) is writable")
                        }
                    } else if outcome.freezeEntry == .missing {
                        // An unreadable entry was reported by the runner (freeze-corrupt).
                        problem("freeze-missing",
                                "@\(call.name) has no frozen result in \(freeze.displayPath) (key \(key.prefix(12)) is new)",
                                "run notes freeze and commit \(freeze.displayPath)")
                    }
                }
            }
        }
        for (slug, key) in freeze.entries() where options.lessons.isEmpty || options.lessons.contains(slug) {
            guard used[slug]?.contains(key) != true else { continue }
            if writes {
                if let note = freeze.remove(lesson: slug, key: key) { progress("note: \(note)") } else { summary.removed += 1 }
            } else {
                let was: String
                if case .hit(let entry) = freeze.lookup(lesson: slug, key: key) { was = "it holds \(LessonPlan.shown(entry.directive))" } else { was = "it cannot be read" }
                let owner = used[slug] == nil ? "no lesson '\(slug)' exists" : "no directive of lesson '\(slug)' has this key"
                problems.append(Diagnostic(file: freeze.displayPath(lesson: slug, key: key), line: 1, column: 1, id: "freeze-orphan",
                                           message: "this frozen result is used by nothing: \(owner) (\(was))",
                                           suggestion: "run notes freeze to remove it, and commit the removal"))
            }
        }
        summary.bytes = freeze.byteCount
        return (problems, writes ? summary : nil)
    }

    /// After a build of every lesson (`plans` are all of them): keeps the cache within `options.cacheLimit` by removing
    /// entries no lesson uses, least recently used first. Returns how many went.
    func pruneCache(_ cache: ResultCache?, plans: [LessonPlan]) -> Int {
        guard let cache, let limit = options.cacheLimit else { return 0 }
        let used = Set(plans.flatMap { $0.resultKeys().values })
        let removed = cache.prune(keeping: used, limit: limit)
        if removed.entries > 0 {
            progress("Removed \(removed.entries) unused cache entr\(removed.entries == 1 ? "y" : "ies") (\(removed.bytes / 1_000_000) MB) to keep \(cache.folder.path) under \(limit / 1_000_000) MB")
        }
        return removed.entries
    }
}
