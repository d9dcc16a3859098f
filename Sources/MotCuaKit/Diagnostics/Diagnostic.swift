import Foundation

/// One problem a user can fix, with the place to look.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// What kind of problem (its raw value, e.g. `unknown-key`, is the stable id for tests and the docs).
    public var id: DiagnosticID
    public var message: String
    public var location: SourceLocation
    /// The words of the text the problem is about, as the output writes them (a radio warning's abbreviation,
    /// foreign word or symbol): the preview marks them in the reading text.
    public var subject: String?

    public init(_ severity: Severity, _ id: DiagnosticID, _ message: String, at location: SourceLocation, subject: String? = nil) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.subject = subject
    }

    public static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, id, message, at: location)
    }

    public static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location)
    }

    /// The line printed for people: `path:line:col: error: message`. One line always: a file name or a quoted
    /// value holding a line break would otherwise split it, and editors and tools read one problem a line.
    public var description: String {
        "\(location): \(severity.rawValue): \(Self.oneLine(message))"
    }

    /// Line breaks and tabs written as `\n`, `\r`, `\t`, other control characters by their code; any other
    /// text is returned as it is.
    static func oneLine(_ text: String) -> String {
        // C0 controls and DEL (a terminal acts on ESC sequences), and the C1 controls behind 0xC2.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += String(format: "<U+%04X>", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
