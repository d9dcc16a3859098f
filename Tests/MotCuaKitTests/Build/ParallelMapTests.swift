import Testing
@testable import MotCuaKit

/// Every build phase fans out over `parallelMap`; a result lost there crashed builds at random
/// (3 full test runs of 10 before the fix).
@Suite struct ParallelMapTests {
    @Test func everyResultArrivesInItsPlace() {
        let items = Array(0..<5_000)
        let expected = items.map { "trang \($0)" }
        for _ in 0..<100 {
            #expect(BuildAction.parallelMap(items) { "trang \($0)" } == expected)
        }
    }

    @Test func anEmptyListGivesAnEmptyResult() {
        #expect(BuildAction.parallelMap([Int]()) { $0 }.isEmpty)
    }
}
