import MotCuaKit

/// What every open page needs to know about the latest build: which good build it should show
/// (`generation`), and the errors of the latest attempt, if it failed. Sent as JSON to the pages.
public struct BuildState: Sendable, Codable, Equatable {
    public struct Problem: Sendable, Codable, Equatable {
        /// `Content/thu-tuc/ho-tich.yml:14:7`, as printed in the terminal.
        public var location: String
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Counts good builds; 0 means no good build yet.
    public var generation: Int
    public var errors: [Problem]
    /// In a province, the first folders of the pages this good build changed ("an-phu"; "" for the province's
    /// page): an open page elsewhere takes the new generation without reloading. nil: any page may have changed.
    public var folders: [String]?

    public init(generation: Int, errors: [Problem] = []) {
        self.generation = generation
        self.errors = errors
    }

    init(generation: Int, diagnostics: Diagnostics) {
        self.generation = generation
        errors = diagnostics.sorted.filter { $0.severity == .error }.map {
            Problem(location: $0.location.description, file: $0.location.path, line: $0.location.line,
                    column: $0.location.column, message: $0.message)
        }
    }
}
