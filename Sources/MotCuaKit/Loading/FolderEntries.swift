import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names in one folder, read with readdir: no stat per entry (the type comes with it where the file
/// system gives one), which matters for folders of 10,000 guides and for output trees of 15,000 files.
enum FolderEntries {
    /// Calls `body` with each name (not "." or "..") and its `d_type` (DT_UNKNOWN when the file system
    /// does not say); does nothing when the folder cannot be opened.
    static func forEach(in folder: String, _ body: (_ name: String, _ type: UInt8) -> Void) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            body(name, entry.pointee.d_type)
        }
    }
}
