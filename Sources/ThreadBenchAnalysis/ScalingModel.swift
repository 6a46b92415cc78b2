import Foundation
import ThreadBenchModel

/// The scaling models of one workload under one runtime, fitted to its median speedups:
/// Amdahl's law (strong scaling) or Gustafson's (weak scaling), and the USL; Karp-Flatt per
/// thread count is kept in the summary.
///
/// The fits' rules: computation that threads run in parallel (`BatchIdentity.isBoundByCPUs`)
/// is fitted only on thread counts up to the usable CPUs, since past them the speedup is
/// held at the CPU count whatever the code does, and a law fitted across that bend reads the
/// CPU limit as a serial fraction or a decline. A fit needs more thread counts above 1 than
/// it has parameters to report an R^2 (computed without the 1-thread point); Amdahl's and
/// Gustafson's single parameter is still solved from one thread count above 1, exactly and
/// without R^2, while the USL's two need three, or there is no USL.
public struct ScalingModel: Sendable, Equatable {
    public var workload: String
    public var kind: WorkloadKind
    public var runtime: Runtime
    public var runtimeVersion: String
    public var scaling: Scaling
    /// The measured curve, ascending by threads.
    public var points: [ScalingPoint]
    /// The points the models were fitted to: `points`, or for CPU-bound computation those
    /// up to the usable CPUs.
    public var fittedPoints: [ScalingPoint]
    /// The CPUs the run could use, and what limited them (nil when every logical CPU was usable).
    public var usableCPUs: Int
    public var cpuLimit: UsableCPUs.Limit?
    /// Amdahl's law, under strong scaling; nil without a thread count above 1 to fit.
    public var amdahl: AmdahlFit?
    /// Gustafson's law, under weak scaling; nil without a thread count above 1 to fit.
    public var gustafson: GustafsonFit?
    /// Nil with fewer than 3 thread counts above 1 to fit.
    public var usl: USLFit?

    /// The curve the models were fitted to.
    public var curve: CurveKey { CurveKey(workload: workload, runtime: runtime, scaling: scaling) }

    /// The most threads measured.
    public var maxThreads: Int { points.map(\.threads).max() ?? 1 }
    /// The most threads fitted.
    public var maxFittedThreads: Int { fittedPoints.map(\.threads).max() ?? 1 }
    /// The best measured speedup.
    public var bestSpeedup: Double { points.map(\.speedup).max() ?? 0 }
    /// Whether some measured thread counts lay past the usable CPUs and were left out of the fits.
    public var isLimitedByCPUs: Bool { fittedPoints.count < points.count }

    /// The serial fraction of the law that applies (Amdahl's or Gustafson's), if fitted.
    public var serialFraction: Double? { amdahl?.serialFraction ?? gustafson?.serialFraction }

    /// Fits models to every workload x runtime x scaling of a summary, in the order first seen.
    /// - Parameters:
    ///   - rows: the summary.
    ///   - usableCPUs: the CPUs the run could use; nil fits every thread count.
    ///   - cpuLimit: what limited them, nil when every logical CPU was usable.
    public static func fits(_ rows: [SummaryRow], usableCPUs: Int? = nil, cpuLimit: UsableCPUs.Limit? = nil)
        -> [ScalingModel] {
        let cpus = usableCPUs ?? Int.max
        return rows.orderedGroups(by: CurveKey.init).map { _, members in
            let group = members.sorted { $0.threads < $1.threads }
            let first = group[0]
            let points = group.filter { $0.speedup > 0 && $0.speedup.isFinite }
                .map { ScalingPoint(threads: $0.threads, speedup: $0.speedup) }
            let fitted = first.isBoundByCPUs ? points.filter { $0.threads <= cpus } : points
            return ScalingModel(workload: first.workload, kind: first.kind, runtime: first.runtime,
                                runtimeVersion: first.runtimeVersion, scaling: first.scaling, points: points,
                                fittedPoints: fitted, usableCPUs: cpus, cpuLimit: cpuLimit,
                                amdahl: first.scaling == .strong ? AmdahlFit.fit(fitted) : nil,
                                gustafson: first.scaling == .weak ? GustafsonFit.fit(fitted) : nil,
                                usl: USLFit.fit(fitted))
        }
    }

    /// The highest speedup the fitted law allows here: Amdahl's 1 / f, or, when the fit stops
    /// at the usable CPUs, its speedup at their count; infinite for Gustafson's law or f = 0.
    public var ceiling: Double? {
        guard let amdahl else { return gustafson.map { _ in .infinity } }
        return isLimitedByCPUs ? amdahl.speedup(at: Double(usableCPUs)) : amdahl.ceiling
    }

    /// Whether the models see no limit within reach: the predicted ceiling is beyond twice the
    /// thread count fitted, and the curve is still close to linear at its end.
    public var showsNoCeiling: Bool {
        guard let amdahl, !isLimitedByCPUs else { return false }
        let ceiling = min(usl?.ceiling ?? .infinity, amdahl.ceiling)
        let peakBeyond = usl?.peakThreads.map { $0 > 2 * Double(maxFittedThreads) } ?? true
        return peakBeyond && ceiling > 2 * Double(maxFittedThreads)
    }
}
