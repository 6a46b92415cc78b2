import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

extension CSVReporter {
    /// The model file: one row per workload x runtime x scaling with its fits (`CSVSchema.modelFigures`).
    public func model(_ models: [ScalingModel], complete: Bool) throws -> Data {
        let rows = models.map { metadataCells(complete: complete) + CSVSchema.modelFigures.cells(($0, $0.sentence)) }
        return try Self.render(header: CSVSchema.modelColumns, rows: rows)
    }
}
