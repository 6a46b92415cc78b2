import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

extension CSVReporter {
    /// The model file: one row per workload x runtime x scaling with its fits.
    ///
    /// Infinite values (no ceiling, no peak) and missing fits are written as empty cells;
    /// `amdahl_ceiling` is 1 / f, or the fit's speedup at the usable CPUs when the fit stops there.
    public func model(_ models: [ScalingModel], complete: Bool) throws -> Data {
        let n = CSVText.number
        let rows = models.map { m -> [String] in
            let amdahl = m.amdahl, gustafson = m.gustafson, usl = m.usl
            let threads = { (points: [ScalingPoint]) in points.map { String($0.threads) }.joined(separator: ";") }
            return metadataCells(complete: complete) + [
                CSVText.neutralized(m.workload), m.kind.rawValue, CSVText.neutralized(m.runtime.rawValue),
                CSVText.neutralized(m.runtimeVersion), m.scaling.rawValue,
                threads(m.points), String(m.maxThreads), n(m.bestSpeedup), threads(m.fittedPoints),
                amdahl.map { n($0.serialFraction) } ?? "", amdahl != nil ? (m.ceiling.map(n) ?? "") : "",
                amdahl?.rSquared.map(n) ?? "", amdahl.map { String($0.residualDegreesOfFreedom) } ?? "",
                gustafson.map { n($0.serialFraction) } ?? "", gustafson?.rSquared.map(n) ?? "",
                gustafson.map { String($0.residualDegreesOfFreedom) } ?? "",
                usl.map { n($0.sigma) } ?? "", usl.map { n($0.kappa) } ?? "",
                usl?.peakThreads.map(n) ?? "", usl.map { n($0.ceiling) } ?? "", usl.map { n($0.rSquared) } ?? "",
                usl.map { String($0.residualDegreesOfFreedom) } ?? "",
                CSVText.neutralized(m.sentence),
            ]
        }
        return try Self.render(header: CSVSchema.modelColumns, rows: rows)
    }
}
