import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif
@testable import ThreadBenchStorage

/// The descriptor of a result file is closed on every path, a failed fsync included (a real
/// fsync failure cannot be provoked honestly in a test: the flush is passed in instead).
@Suite struct AtomicFileCloseTests {
    /// A descriptor on a new file in a fresh folder; the caller removes the folder.
    private func openFile() throws -> (fd: Int32, folder: String) {
        let folder = try AtomicFileTests.temporaryFolder()
        let fd = open(folder + "/file", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        return (fd, folder)
    }

    @Test func aFailedFsyncStillClosesTheDescriptorAndReportsTheFsyncError() throws {
        let (fd, folder) = try openFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var closed: [Int32] = []
        let failure = AtomicFile.syncAndClose(fd, durable: true, sync: { _ in errno = EIO; return -1 },
                                              close: { closed.append($0); return close($0) })
        #expect(failure == EIO)
        #expect(closed == [fd])
    }

    @Test func aFailedCloseAfterAGoodFsyncIsReported() throws {
        let (fd, folder) = try openFile()
        defer { close(fd); try? FileManager.default.removeItem(atPath: folder) }
        var synced: [Int32] = []
        let failure = AtomicFile.syncAndClose(fd, durable: true, sync: { synced.append($0); return 0 },
                                              close: { _ in errno = ENOSPC; return -1 })
        #expect(failure == ENOSPC)
        #expect(synced == [fd])
    }

    @Test func withoutDurabilityThereIsNoFsyncButStillAClose() throws {
        let (fd, folder) = try openFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var synced = 0
        var closed: [Int32] = []
        let failure = AtomicFile.syncAndClose(fd, durable: false, sync: { _ in synced += 1; return 0 },
                                              close: { closed.append($0); return close($0) })
        #expect(failure == nil)
        #expect(synced == 0)
        #expect(closed == [fd])
    }

    @Test func theRealFsyncAndCloseSucceedOnAnOrdinaryFile() throws {
        let (fd, folder) = try openFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(AtomicFile.syncAndClose(fd, durable: true) == nil)
    }
}
