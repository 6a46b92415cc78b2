import Foundation

/// One measured point of a scaling curve.
public struct ScalingPoint: Sendable, Equatable {
    public var threads: Int
    public var speedup: Double

    /// Creates a point.
    public init(threads: Int, speedup: Double) {
        self.threads = threads
        self.speedup = speedup
    }

    /// The coefficient of determination of `model` on `points`: 1 - SS_residual / SS_total.
    /// When the speedups do not vary at all, 1 for an exact model and 0 otherwise.
    static func rSquared(_ points: [ScalingPoint], model: (Double) -> Double) -> Double {
        let mean = points.reduce(0) { $0 + $1.speedup } / Double(points.count)
        var residual = 0.0, total = 0.0
        for p in points {
            let r = p.speedup - model(Double(p.threads))
            residual += r * r
            total += (p.speedup - mean) * (p.speedup - mean)
        }
        if total <= 1e-300 { return residual <= 1e-18 ? 1 : 0 }
        return 1 - residual / total
    }
}

/// The scaling models of one workload under one runtime: Amdahl and the USL, fitted to its
/// median speedups, with Karp-Flatt per thread count kept in the summary.
public struct ScalingModel: Sendable, Equatable {
    public var workload: String
    public var kind: WorkloadKind
    public var runtime: Runtime
    public var runtimeVersion: String
    public var scaling: Scaling
    /// The measured curve the models were fitted to, ascending by threads.
    public var points: [ScalingPoint]
    /// Nil with fewer than 2 thread counts.
    public var amdahl: AmdahlFit?
    /// Nil with fewer than 3 thread counts.
    public var usl: USLFit?

    /// The curve the models were fitted to.
    public var curve: CurveKey { CurveKey(workload: workload, runtime: runtime, scaling: scaling) }

    /// The most threads measured.
    public var maxThreads: Int { points.map(\.threads).max() ?? 1 }
    /// The best measured speedup.
    public var bestSpeedup: Double { points.map(\.speedup).max() ?? 0 }

    /// Fits models to every workload x runtime x scaling of a summary, in the order first seen.
    public static func fits(_ rows: [SummaryRow]) -> [ScalingModel] {
        rows.orderedGroups(by: CurveKey.init).map { _, members in
            let group = members.sorted { $0.threads < $1.threads }
            let first = group[0]
            let points = group.filter { $0.speedup > 0 }.map { ScalingPoint(threads: $0.threads, speedup: $0.speedup) }
            return ScalingModel(workload: first.workload, kind: first.kind, runtime: first.runtime,
                                runtimeVersion: first.runtimeVersion, scaling: first.scaling, points: points,
                                amdahl: AmdahlFit.fit(points), usl: USLFit.fit(points))
        }
    }

    /// Whether the models see no limit within reach: the predicted ceiling is beyond twice the
    /// thread count measured, and the curve is still close to linear at its end.
    public var showsNoCeiling: Bool {
        guard let amdahl else { return false }
        let ceiling = min(usl?.ceiling ?? .infinity, amdahl.ceiling)
        let peakBeyond = usl?.peakThreads.map { $0 > 2 * Double(maxThreads) } ?? true
        return peakBeyond && ceiling > 2 * Double(maxThreads)
    }

    /// The model in one line, e.g. "math under swift-gil: serial fraction 0.99, ceiling 1.0x".
    public var sentence: String {
        let name = "\(workload) under \(runtime)"
        guard let amdahl else {
            return "\(name): only \(points.count) thread count measured, too few to fit a scaling model"
        }
        if showsNoCeiling {
            return "\(name): no sign of a ceiling up to \(maxThreads) threads"
                + String(format: " (best %.1fx; serial fraction %.3f", bestSpeedup, amdahl.serialFraction)
                + (usl.map { String(format: ", USL R^2 %.2f)", $0.rSquared) } ?? ", Amdahl only: 3 thread counts are needed for the USL)")
        }
        var text = String(format: "%@: serial fraction %.2f, ceiling %@", name, amdahl.serialFraction,
                          Self.times(amdahl.ceiling))
        if let usl {
            if let peak = usl.peakThreads, peak < 1.5 {
                text += String(format: "; USL: adding threads never helps (sigma %.3f, kappa %.4f, R^2 %.2f)",
                               usl.sigma, usl.kappa, usl.rSquared)
            } else if let peak = usl.peakThreads, usl.kappa > 0 {
                let where_ = peak <= Double(maxThreads) ? "peaks" : "would peak"
                text += String(format: "; USL: speedup %@ near %.0f threads at %@ (sigma %.3f, kappa %.4f, R^2 %.2f)",
                               where_, peak.rounded(), Self.times(usl.ceiling), usl.sigma, usl.kappa, usl.rSquared)
            } else {
                text += String(format: "; USL: no retrograde region (sigma %.3f, kappa 0, R^2 %.2f)",
                               usl.sigma, usl.rSquared)
            }
        } else {
            text += String(format: " (Amdahl R^2 %.2f; 3 thread counts are needed for the USL)", amdahl.rSquared)
        }
        return text
    }

    private static func times(_ value: Double) -> String {
        guard value.isFinite else { return "unbounded" }
        guard value < 1000 else { return "over 1000x" }
        return value >= 100 ? String(format: "%.0fx", value) : String(format: "%.1fx", value)
    }
}
