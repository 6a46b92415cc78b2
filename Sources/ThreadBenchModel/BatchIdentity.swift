/// What says which batch a record or a summary row describes: its `BatchSetup`, whose parts
/// read (and change) as the record's or the row's own (`record.workload`, `row.threads`).
@dynamicMemberLookup
public protocol BatchIdentity {
    /// The workload, runtime, scaling, threads, tasks and task work of the batch.
    var setup: BatchSetup { get set }
}

extension BatchIdentity {
    /// A part of `setup`, read or written as the record's or the row's own.
    public subscript<Part>(dynamicMember part: WritableKeyPath<BatchSetup, Part>) -> Part {
        get { setup[keyPath: part] }
        set { setup[keyPath: part] = newValue }
    }
}

extension BatchRecord: BatchIdentity {}

extension SummaryRow: BatchIdentity {}

extension BatchSetup {
    /// Whether computation under this runtime could use every core: plain Swift, CPython
    /// processes (one GIL each), or CPython threads whose interpreter recorded its GIL off;
    /// rows of files that recorded no GIL state fall back on the runtime's name (`cpython-nogil`).
    public var runsWithoutGIL: Bool {
        if runtime == .cpythonProcesses { return true }
        return pythonGIL.map { !$0.enabled } ?? runtime.runsWithoutGIL
    }
}

extension BatchIdentity {
    /// Whether computation under this row's runtime could use every core (`BatchSetup.runsWithoutGIL`).
    public var runsWithoutGIL: Bool { setup.runsWithoutGIL }
}
