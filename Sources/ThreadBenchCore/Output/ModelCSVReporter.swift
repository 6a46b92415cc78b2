import Foundation

extension CSVReporter {
    /// The model file: one row per workload x runtime x scaling with its Amdahl and USL fits.
    ///
    /// Infinite values (no ceiling, no peak) are written as empty cells.
    public func model(_ models: [ScalingModel], complete: Bool) throws -> Data {
        let n = CSVText.number
        let rows = models.map { m -> [String] in
            let amdahl = m.amdahl
            let usl = m.usl
            return metadataCells(complete: complete) + [
                CSVText.neutralized(m.workload), m.kind.rawValue, CSVText.neutralized(m.runtime.rawValue),
                CSVText.neutralized(m.runtimeVersion), m.scaling.rawValue,
                m.points.map { String($0.threads) }.joined(separator: ";"), String(m.maxThreads), n(m.bestSpeedup),
                amdahl.map { n($0.serialFraction) } ?? "", amdahl.map { n($0.ceiling) } ?? "",
                amdahl.map { n($0.rSquared) } ?? "",
                usl.map { n($0.sigma) } ?? "", usl.map { n($0.kappa) } ?? "",
                usl?.peakThreads.map(n) ?? "", usl.map { n($0.ceiling) } ?? "", usl.map { n($0.rSquared) } ?? "",
                CSVText.neutralized(m.sentence),
            ]
        }
        return try Self.render(header: CSVSchema.modelColumns, rows: rows)
    }
}
