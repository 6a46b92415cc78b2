import ArgumentParser
import Foundation
import ThreadBenchCore

extension ThreadBench {
    /// `threadbench calibrate`: what the harness itself costs.
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the spawn+join cost of the thread type against raw pthreads, and the clock.")

        @Option(help: "Empty threads to spawn and join with each method.")
        var threads = 4000

        func validate() throws {
            guard (100...1_000_000).contains(threads) else {
                throw ValidationError("--threads must be between 100 and 1000000, got \(threads)")
            }
        }

        func run() throws {
            BuildWarning.emitIfDebug()
            let report = try Calibration.measure(threads: threads)
            let f = { (value: Double) in String(format: "%.1f", value) }
            print("spawn+join of one empty thread, \(report.threads) threads each way (\(BuildInfo.configuration) build):")
            print("  BenchThread         p50 \(f(report.benchThreadP50Micros)) us   p99 \(f(report.benchThreadP99Micros)) us")
            print("  raw pthread         p50 \(f(report.rawPthreadP50Micros)) us   p99 \(f(report.rawPthreadP99Micros)) us")
            print("  ratio               p50 \(String(format: "%.3f", report.ratio))x   p99 "
                + String(format: "%.3f", report.benchThreadP99Micros / max(report.rawPthreadP99Micros, 1e-9)) + "x")
            print("clock (CLOCK_MONOTONIC):")
            print("  read cost           \(f(report.clockReadNanos)) ns")
            print("  resolution          \(Int(report.clockResolutionNanos)) ns (kernel), "
                + "\(Int(report.clockObservedStepNanos)) ns smallest step seen")
        }
    }
}

/// Warns that figures from an unoptimised build are not results.
enum BuildWarning {
    static func emitIfDebug() {
        if BuildInfo.configuration == "debug" {
            Terminal.warn("this is a debug build; its figures are not results (build with: swift build -c release)")
        }
    }
}
