import Testing
import ThreadBenchMeasurement

/// The kernel's CPU list format, read and written.
@Suite struct CPUListTests {
    @Test func rangesAndSinglesParse() {
        #expect(CPUList.parse("0-3,8,10-11\n") == [0, 1, 2, 3, 8, 10, 11])
        #expect(CPUList.parse("0") == [0])
        #expect(CPUList.parse("\n") == [])
    }

    @Test func malformedListsAreNil() {
        #expect(CPUList.parse("3-1") == nil)
        #expect(CPUList.parse("a") == nil)
        #expect(CPUList.parse("1-2-3") == nil)
        #expect(CPUList.parse("-1") == nil)
    }

    @Test func formattingJoinsRuns() {
        #expect(CPUList.format([5, 0, 1, 2]) == "0-2,5")
        #expect(CPUList.format([]) == "none")
    }

    @Test func theAllowedListComesFromProcSelfStatus() {
        #expect(CPUList.allowed(statusText: "Name:\tx\nCpus_allowed_list:\t0\nMems_allowed_list:\t0\n") == [0])
        #expect(CPUList.allowed(statusText: "Name:\tx\n") == nil)
    }
}
