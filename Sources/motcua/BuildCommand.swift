import ArgumentParser
import Foundation
import MotCuaKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Tạo thư mục Output/ từ Content/ và Theme/."
    )

    @Option(help: "Thư mục của trang (chứa Content/ và Theme/).")
    var root: String = "."

    @Option(help: "Thư mục xuất (mặc định ROOT/Output).")
    var output: String?

    @Flag(help: "Coi cảnh báo về mức độ dịch vụ là lỗi.")
    var strict = false

    @Flag(help: "Đưa cả bản nháp (nhap: true) vào trang.")
    var drafts = false

    @Flag(help: "Chỉ in lỗi và cảnh báo.")
    var quiet = false

    @Option(help: "Ngày dùng để lập lịch phát thanh (YYYY-MM-DD), mặc định hôm nay.")
    var date: String?

    @Option(name: .customLong("xa"), help: "Với một tỉnh (Content/tinh.yml): chỉ tạo trang của xã này (tên thư mục trong Content/xa/); ghi nhiều lần cho nhiều xã. Trang các xã khác giữ như lần trước.")
    var communes: [String] = []

    func run() throws {
        var scheduleDate: CalendarDate?
        if let date {
            guard let parsed = CalendarDate(parsing: date) else {
                // Not a ValidationError: ArgumentParser would frame the message with English usage lines.
                Console.error("motcua: lỗi: --date: `\(date)` không phải một ngày có thật; viết năm-tháng-ngày, ví dụ `--date 2026-11-02`")
                throw ExitCode(2)
            }
            scheduleDate = parsed
        }
        let rootURL = URL(fileURLWithPath: root)
        let outputURL = output.map { URL(fileURLWithPath: $0) }
        let options = BuildAction.Options(root: rootURL, output: outputURL, strict: strict, includeDrafts: drafts, date: scheduleDate)
        if ProvinceContent.isProvince(rootURL) {
            try buildProvince(options)
            return
        }
        if !communes.isEmpty {
            Console.error("motcua: lỗi: --xa chỉ dùng cho một tỉnh; \(rootURL.path)/Content/ không có tinh.yml")
            throw ExitCode(2)
        }
        let report = BuildAction(options: options).run()
        try Self.printProblems(report)
        if !quiet {
            let ms = Int((report.seconds * 1000).rounded())
            var line = "Đã tạo \(report.pages) trang (\(report.files) tệp) trong \(ms) ms → \(options.output.path)"
            if let s = report.stats {
                line += " · mới \(s.new), thay đổi \(s.changed), giữ nguyên \(s.unchanged), xóa \(s.removed)"
            }
            if report.diagnostics.warningCount > 0 { line += " · \(report.diagnostics.warningCount) cảnh báo" }
            print(line)
            for field in report.levelSummary {
                let parts = field.counts.filter { $0.count > 0 }.map { "\($0.count) \($0.label.lowercased())" }
                let total = field.counts.reduce(0) { $0 + $1.count }
                print("  \(field.field): \(total) thủ tục" + (parts.isEmpty ? "" : " · " + parts.joined(separator: " · ")))
            }
        }
        Self.warnRemoved(report.stats)
    }

    /// Every diagnostic, then, when nothing was written, why (exit code 1).
    static func printProblems(_ report: some StagedReport) throws {
        Console.printDiagnostics(report.diagnostics)
        guard let failure = report.failure else { return }
        Console.error("motcua: lỗi: \(failure)")
        let counts = report.diagnostics.errorCount
        if counts > 0 { Console.error("motcua: \(counts) lỗi, \(report.diagnostics.warningCount) cảnh báo") }
        throw ExitCode(1)
    }

    /// Said with --quiet too: it is a warning, and the one thing a rebuild cannot show in a page.
    static func warnRemoved(_ stats: OutputWriter.Stats?) {
        if let gone = stats?.removedPages, !gone.isEmpty {
            let shown = gone.prefix(5).map { "/\($0)" }.joined(separator: ", ") + (gone.count > 5 ? ", …" : "")
            Console.error("motcua: cảnh báo: \(gone.count) trang của lần đăng trước không còn nữa (\(shown)); địa chỉ người dân đã lưu, in hay chia sẻ sẽ báo không tìm thấy. Nếu trang chỉ đổi tên, hãy đặt `slug:` bằng địa chỉ cũ để giữ nguyên địa chỉ, hoặc ghi địa chỉ cũ vào `dia_chi_cu:` của trang để người xem được chuyển tới địa chỉ mới")
        }
    }

    /// A province: every commune's site under Output/<slug>/ and the province's page.
    func buildProvince(_ options: BuildAction.Options) throws {
        let report = ProvinceBuild(options: options, selection: communes).run()
        try Self.printProblems(report)
        defer { Self.warnRemoved(report.stats) }
        guard !quiet else { return }
        let ms = Int((report.seconds * 1000).rounded())
        let kept = report.keptCommunes
        var line = "Đã tạo \(report.communes.count) xã" + (kept > 0 ? " (giữ nguyên \(kept) xã)" : "")
            + ", \(report.pages) trang (\(report.files) tệp) trong \(ms) ms → \(options.output.path)"
        if let s = report.stats { line += " · mới \(s.new), thay đổi \(s.changed), giữ nguyên \(s.unchanged), xóa \(s.removed)" }
        if report.diagnostics.warningCount > 0 { line += " · \(report.diagnostics.warningCount) cảnh báo" }
        print(line)
        for commune in report.communes {
            let total = commune.levels.reduce(0) { $0 + $1.count }
            let parts = commune.levels.filter { $0.count > 0 }.map { "\($0.count) \($0.label.lowercased())" }
            print("  \(commune.slug): \(commune.name) · \(commune.pages) trang · \(total) thủ tục" + (parts.isEmpty ? "" : " · " + parts.joined(separator: " · ")))
        }
    }
}
