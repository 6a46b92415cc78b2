import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel

extension ScalingModel {
    /// The model in one line, e.g. "math under swift-gil: serial fraction 0.99, ceiling 1.0x
    /// (Amdahl R^2 0.97, 2 residual df); USL: ...". Says which thread counts were fitted when
    /// the usable CPUs cut the curve, and why a model is missing when one is.
    public var sentence: String {
        var name = "\(workload) under \(runtime)" + (scaling == .weak ? " (weak scaling)" : "")
        if isLimitedByCPUs { name += ", fitted within \(usableCPUsText)" }
        guard let serial = serialFraction else {
            if isLimitedByCPUs {
                let within = usableCPUs == 1 ? "it" : "them"
                return "\(name): no thread count above 1 within \(within), too few to fit a scaling model; "
                    + "computation cannot run more than \(usableCPUs)x faster here"
            }
            switch points.count {
            case 0: return "\(name): no thread count measured successfully, so no scaling model"
            case 1: return "\(name): only 1 thread count measured, too few to fit a scaling model"
            default: return "\(name): no scaling model fits the \(points.count) thread counts measured"
            }
        }
        if let gustafson {
            return String(format: "%@: Gustafson serial share %.2f, scaled speedup grows %.2fx per added thread (%@)",
                          name, serial, 1 - serial, Self.judgement("Gustafson", gustafson.rSquared,
                                                                   gustafson.residualDegreesOfFreedom))
                + capText + uslText
        }
        guard let amdahl else { return name }
        if showsNoCeiling {
            return "\(name): no sign of a ceiling up to \(maxFittedThreads) threads"
                + String(format: " (best %.1fx; serial fraction %.3f", bestSpeedup, serial)
                + (usl.map { String(format: ", USL R^2 %.2f)", $0.rSquared) }
                    ?? ", Amdahl only: the USL needs 3 thread counts above 1)")
        }
        let ceilingText = Self.times(ceiling ?? amdahl.ceiling) + (isLimitedByCPUs ? " on \(usableCPUsText)" : "")
        return String(format: "%@: serial fraction %.2f, ceiling %@ (%@)", name, serial, ceilingText,
                      Self.judgement("Amdahl", amdahl.rSquared, amdahl.residualDegreesOfFreedom)) + uslText
    }

    /// How the sentences name the usable CPUs: "2 cores", "1 usable CPU (affinity mask)".
    private var usableCPUsText: String { MachineInfo.cpusText(usableCPUs, limit: cpuLimit) }

    /// "; past N threads the fit gives X on ..." for a curve cut at the usable CPUs.
    private var capText: String {
        guard isLimitedByCPUs, let gustafson else { return "" }
        return "; past \(usableCPUs) threads computation is held near "
            + Self.times(gustafson.speedup(at: Double(usableCPUs))) + " by the \(usableCPUsText)"
    }

    /// The USL's part of the sentence, or why there is none.
    private var uslText: String {
        guard let usl else {
            let have = ScalingPoint.threadCountsAboveOne(fittedPoints)
            return "; no USL: it needs 3 thread counts above 1\(isLimitedByCPUs ? " within the CPUs" : ""), has \(have)"
        }
        let fit = String(format: "R^2 %.2f, %d residual df", usl.rSquared, usl.residualDegreesOfFreedom)
        if let peak = usl.peakThreads, peak < 1.5 {
            return String(format: "; USL: adding threads never helps (sigma %.3f, kappa %.4f, %@)", usl.sigma, usl.kappa, fit)
        }
        if let peak = usl.peakThreads {
            let where_ = peak <= Double(maxFittedThreads) ? "peaks" : "would peak"
            return String(format: "; USL: speedup %@ near %.0f threads at %@ (sigma %.3f, kappa %.4f, %@)",
                          where_, peak.rounded(), Self.times(usl.ceiling), usl.sigma, usl.kappa, fit)
        }
        return String(format: "; USL: no retrograde region (sigma %.3f, kappa %@, %@)", usl.sigma,
                      usl.kappa == 0 ? "0" : "negligible", fit)
    }

    /// "Amdahl R^2 0.97, 2 residual df", or "Amdahl exact through 1 thread count above 1, no R^2".
    private static func judgement(_ law: String, _ rSquared: Double?, _ degrees: Int) -> String {
        guard let rSquared else { return "\(law) exact through 1 thread count above 1, no R^2" }
        return String(format: "%@ R^2 %.2f, %d residual df", law, rSquared, degrees)
    }

    static func times(_ value: Double) -> String {
        guard value.isFinite else { return "unbounded" }
        guard value < 1000 else { return "over 1000x" }
        return value >= 100 ? String(format: "%.0fx", value) : String(format: "%.1fx", value)
    }
}
