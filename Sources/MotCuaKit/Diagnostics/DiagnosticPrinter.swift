/// Formats diagnostics for a terminal; colour only when the stream is a terminal.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        guard useColor else { return diagnostic.description }
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(color)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }
}
