import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file of the project (Content/, Theme/). Only a regular file inside its folder is read: a link is
/// followed only to a file inside that folder, so nothing outside the project reaches the site, and a pipe or a
/// device is refused before a read could wait on it for ever. A plain file costs no extra system call:
/// O_NOFOLLOW fails only on a link.
public enum ProjectFile {
    /// Whether a file a build published by its source (an asset, a form) may still be served from there: a
    /// regular file whose real path is inside the site's Content/ or Theme/. The preview asks on every request,
    /// since a form may have been replaced by a link to anywhere after the last good build.
    public static func isPublishable(_ url: URL, root: URL) -> Bool {
        guard let real = realPath(url.path) else { return false }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return ["Content", "Theme"].contains { folder in
            realPath(root.path + "/" + folder).map { real.hasPrefix($0 + "/") } ?? false
        }
    }

    /// `full`: the file's absolute path; `folder`: the absolute path of the folder it must stay in;
    /// `path`: how messages name the file; `folderName`: how they name the folder ("Content/").
    static func read(_ full: String, inside folder: String, path: String, folderName: String, _ diagnostics: inout Diagnostics) -> Data? {
        var fd = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 && errno == ELOOP {
            let target = realPath(full)
            guard let target, let inside = realPath(folder), target.hasPrefix(inside + "/") else {
                diagnostics.error(.contentOutside, "tệp là một liên kết (symlink) trỏ ra ngoài thư mục \(folderName)\(target.map { " (tới \($0))" } ?? ""); MotCua chỉ đưa lên trang những tệp nằm trong \(folderName). Hãy chép chính tệp vào đây thay cho liên kết", at: SourceLocation(path: path))
                return nil
            }
            // The resolved path, not the link again: a link changed in between cannot lead elsewhere.
            fd = open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard fd >= 0 else {
            diagnostics.error(.unreadable, "không đọc được tệp (\(SystemError.reason(errno))); hãy kiểm tra tệp còn đó và có quyền đọc", at: SourceLocation(path: path))
            return nil
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            diagnostics.error(.notAFile, "đây không phải một tệp văn bản thường (mà là \(kindName(info.st_mode))); hãy xóa nó hoặc thay bằng tệp thật", at: SourceLocation(path: path))
            return nil
        }
        guard let data = readAll(fd, sizeHint: Int(info.st_size)) else {
            diagnostics.error(.unreadable, "không đọc được tệp (\(SystemError.reason(errno))); hãy kiểm tra tệp còn đó và có quyền đọc", at: SourceLocation(path: path))
            return nil
        }
        return data
    }

    /// The whole of an open regular file: one read of the size fstat gave, more if it grew meanwhile.
    static func readAll(_ fd: Int32, sizeHint: Int) -> Data? {
        var data = Data(count: max(sizeHint, 0) + 1)
        var length = 0
        while true {
            if length == data.count { data.count *= 2 }
            let n = data.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + length, raw.count - length) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            length += n
        }
        data.count = length
        return data
    }

    /// The path with every link resolved, or nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a path that is not a regular file is, in words an editor knows.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "một tệp"
        case S_IFDIR: return "một thư mục"
        case S_IFIFO: return "một ống dẫn (FIFO)"
        case S_IFSOCK: return "một socket"
        case S_IFCHR, S_IFBLK: return "một thiết bị"
        default: return "một mục đặc biệt của hệ thống"
        }
    }
}
