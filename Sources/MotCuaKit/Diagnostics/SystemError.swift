#if canImport(Glibc)
import Glibc
#endif

/// The system's reason for a failed file operation, in Vietnamese: strerror speaks English, and editors
/// read these lines.
enum SystemError {
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "không có tệp hoặc thư mục này"
        case EACCES, EPERM: return "không có quyền"
        case EROFS: return "ổ đĩa chỉ cho đọc; hãy gỡ chế độ chống ghi của USB hoặc chọn thư mục khác"
        case ENOSPC: return "ổ đĩa đã đầy"
        case EDQUOT: return "đã hết hạn mức dung lượng"
        case EISDIR: return "đây là một thư mục"
        case ENOTDIR: return "một phần của đường dẫn là tệp, không phải thư mục"
        case ELOOP: return "liên kết (symlink) vòng quanh"
        case ENAMETOOLONG: return "tên tệp quá dài"
        case EMFILE, ENFILE: return "mở quá nhiều tệp cùng lúc"
        case EIO: return "lỗi đọc ghi của ổ đĩa; hãy kiểm tra USB hoặc ổ đĩa"
        case EBUSY: return "thư mục đang bận hoặc là nơi gắn một ổ đĩa"
        case EXDEV: return "hai thư mục nằm trên hai ổ đĩa khác nhau"
        case ENXIO, ENODEV: return "không có thiết bị"
        default: return "mã lỗi hệ thống \(code)"
        }
    }
}
