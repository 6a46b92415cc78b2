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
