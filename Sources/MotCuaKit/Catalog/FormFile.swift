import Foundation

/// A downloadable form template found in Content/bieu-mau/.
public struct FormFile: Sendable, Equatable {
    public static let allowedExtensions = ["doc", "docx", "pdf", "xls", "xlsx", "odt", "ods"]

    public var fileName: String
    public var byteCount: Int
    /// Path relative to the site root, e.g. `Content/bieu-mau/to-khai.docx`.
    public var sourcePath: String

    /// "DOCX · 24 KB": what a citizen on a slow connection wants to know before tapping.
    public var formatLabel: String {
        let ext = SitePath.fileExtension(of: fileName).uppercased()
        return "\(ext) · \(FormFile.sizeLabel(byteCount))"
    }

    public static func sizeLabel(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kb = (Double(bytes) / 1024).rounded(.up)
        if kb < 1024 { return "\(Int(kb)) KB" }
        let mb = Double(bytes) / 1_048_576
        let tenths = Int((mb * 10).rounded())
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
