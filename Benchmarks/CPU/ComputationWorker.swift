import ThreadBenchMeasurement

/// One thread of a computation: runs its tasks and sums their results.
final class ComputationWorker<Work: Computation>: TaskWorker {
    /// The workload's name, for the error line.
    let name: String
    /// Each task's size.
    let size: Int
    /// The results so far, kept so that the loop cannot be optimised away.
    private(set) var sum = 0.0

    init(name: String, size: Int) {
        self.name = name
        self.size = size
    }

    func run(task: Int, context: TaskContext) -> TaskOutcome {
        sum += Work.result(ofTask: task, size: size, context: context)
        return TaskOutcome(ops: size, error: sum.isNaN ? "\(name) produced NaN" : nil)
    }
}
