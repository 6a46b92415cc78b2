import ThreadBenchAnalysis
import ThreadBenchModel

extension CSVSchema {
    /// A model-file row's source: a curve's fits, and their summary in words (Output's).
    package typealias ModelCells = (model: ScalingModel, summary: String)
    /// A model-file column: written from a curve's fits, never read back.
    package typealias ModelColumn = CSVColumn<ModelCells, Never>

    /// The USL's contention coefficient: only model files have it, so the reader knows one by it.
    package static let uslSigma = ModelColumn("usl_sigma", write: { $0.model.usl.map { CSVText.number($0.sigma) } ?? "" })

    /// The model file's columns after the metadata. Infinite values (no ceiling, no peak) and
    /// missing fits are empty cells; `amdahl_ceiling` is 1 / f, or the fit's speedup at the
    /// usable CPUs when the fit stops there.
    package static let modelFigures: [ModelColumn] = [
        ModelColumn(workload.name, write: { CSVText.neutralized($0.model.workload) }),
        ModelColumn(kind.name, write: { $0.model.kind.rawValue }),
        ModelColumn(runtime.name, write: { CSVText.neutralized($0.model.runtime.rawValue) }),
        ModelColumn(runtimeVersion.name, write: { CSVText.neutralized($0.model.runtimeVersion) }),
        ModelColumn(scaling.name, write: { $0.model.scaling.rawValue }),
        ModelColumn("thread_counts", write: { threadList($0.model.points) }),
        ModelColumn("max_threads", write: { String($0.model.maxThreads) }),
        ModelColumn("best_speedup", write: { CSVText.number($0.model.bestSpeedup) }),
        ModelColumn("fitted_thread_counts", write: { threadList($0.model.fittedPoints) }),
        fit("amdahl_serial_fraction") { $0.amdahl?.serialFraction },
        fit("amdahl_ceiling") { $0.amdahl != nil ? $0.ceiling : nil },
        fit("amdahl_r2") { $0.amdahl?.rSquared },
        count("amdahl_residual_df") { $0.amdahl?.residualDegreesOfFreedom },
        fit("gustafson_serial_fraction") { $0.gustafson?.serialFraction },
        fit("gustafson_r2") { $0.gustafson?.rSquared },
        count("gustafson_residual_df") { $0.gustafson?.residualDegreesOfFreedom },
        uslSigma,
        fit("usl_kappa") { $0.usl?.kappa },
        fit("usl_peak_threads") { $0.usl?.peakThreads },
        fit("usl_ceiling") { $0.usl?.ceiling },
        fit("usl_r2") { $0.usl?.rSquared },
        count("usl_residual_df") { $0.usl?.residualDegreesOfFreedom },
        ModelColumn("summary", write: { CSVText.neutralized($0.summary) }),
    ]

    /// Thread counts joined by `;`: `1;2;4`.
    private static func threadList(_ points: [ScalingPoint]) -> String {
        points.map { String($0.threads) }.joined(separator: ";")
    }

    /// A fitted figure, empty when the law was not fitted or the figure does not exist.
    private static func fit(_ name: String, _ value: @escaping @Sendable (ScalingModel) -> Double?) -> ModelColumn {
        ModelColumn(name, write: { value($0.model).map(CSVText.number) ?? "" })
    }

    /// A fit's residual degrees of freedom, empty when the law was not fitted.
    private static func count(_ name: String, _ value: @escaping @Sendable (ScalingModel) -> Int?) -> ModelColumn {
        ModelColumn(name, write: { value($0.model).map(String.init) ?? "" })
    }
}
