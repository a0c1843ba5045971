extension LessonPlan {
    /// The cache key of every runnable directive, derived from the plan alone (the runner
    /// computes the same keys as it goes): lets the index, `notes clean --unused` and the
    /// freeze know which results the lessons use without running anything.
    public func resultKeys() -> [Int: String] {
        var keys: [Int: String] = [:]
        for index in runOrder {
            guard let experiment = directives[index].experiment else { continue }
            var dependencyKeys: [String: String] = [:]
            var complete = true
            for dependency in experiment.dependencies {
                guard let producer = directiveForID[dependency], let key = keys[producer] else { complete = false; break }
                dependencyKeys[dependency] = key
            }
            guard complete else { continue }
            keys[index] = ResultCache.key(canonicalForm: directives[index].canonicalForm,
                                          fingerprint: experiment.inputFingerprint, dependencyKeys: dependencyKeys)
        }
        return keys
    }
}
