/// Collects problems across a whole run so an editor sees all of them at once, not one per build.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation) {
        all.append(.error(id, message, at: location))
    }

    public mutating func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation, subject: String? = nil) {
        all.append(Diagnostic(.warning, id, message, at: location, subject: subject))
    }

    public var errorCount: Int { all.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Under `--strict` the truthfulness checks become errors; other warnings stay warnings.
    public mutating func promote(ids: Set<DiagnosticID>) {
        for index in all.indices where ids.contains(all[index].id) {
            all[index].severity = .error
        }
    }

    /// Sorted by file and position, duplicates dropped, so output is stable between runs.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.message) < ($1.location, $1.message)
        }
    }
}
