import Testing
@testable import MotCuaKit

/// One problem, one printed line: editors and tools read `path:line:col: error: message` a line at a time.
@Suite struct DiagnosticLineTests {
    @Test("a line break in a file name or a message stays on the line, written as \\n")
    func lineBreaksAreWrittenOut() {
        let d = Diagnostic.error(.brokenLink, "liên kết `../a\nb.md`: không có trang này\tở đây",
                                 at: SourceLocation(path: "Content/trang/lien\rhe.md", line: 4, column: 9))
        #expect(d.description == "Content/trang/lien\\rhe.md:4:9: error: liên kết `../a\\nb.md`: không có trang này\\tở đây")
        #expect(!d.description.contains("\n"))
    }

    @Test("ordinary text is printed as it is; a problem with a whole file is placed at its start")
    func ordinaryTextUnchanged() {
        let d = Diagnostic.warning(.unusedForm, "biểu mẫu `tờ khai.docx` không được thủ tục nào dùng", at: SourceLocation(path: "Content/bieu-mau/tờ khai.docx"))
        #expect(d.description == "Content/bieu-mau/tờ khai.docx:1:1: warning: biểu mẫu `tờ khai.docx` không được thủ tục nào dùng")
    }
}
