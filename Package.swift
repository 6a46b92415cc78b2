// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ThreadBench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "threadbench", targets: ["threadbench"]),
        .library(
            name: "ThreadBenchCore",
            targets: [
                "ThreadBenchStatistics", "ThreadBenchModel", "ThreadBenchMeasurement", "ThreadBenchAnalysis",
                "ThreadBenchStorage", "ThreadBenchOutput", "ThreadBenchSession",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/ordo-one/TextTable", exact: "0.0.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.2"),
    ],
    targets: [
        .target(name: "CThreadShims"),
        // The layers, lowest first: each target imports only targets above it in this list, so a
        // wrong arrow does not compile (docs/ARCHITECTURE.md says what each holds and may import).
        .target(name: "ThreadBenchStatistics"),
        .target(name: "ThreadBenchModel", dependencies: ["ThreadBenchStatistics", "CThreadShims"]),
        .target(name: "ThreadBenchMeasurement", dependencies: ["ThreadBenchModel", "ThreadBenchStatistics", "CThreadShims"]),
        .target(name: "ThreadBenchAnalysis", dependencies: ["ThreadBenchModel", "ThreadBenchStatistics"]),
        .target(
            name: "ThreadBenchStorage",
            dependencies: ["ThreadBenchModel", "ThreadBenchAnalysis", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "ThreadBenchOutput",
            dependencies: [
                "ThreadBenchStatistics", "ThreadBenchModel", "ThreadBenchMeasurement", "ThreadBenchAnalysis",
                "ThreadBenchStorage",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "TextTable", package: "TextTable"),
            ]
        ),
        .target(
            name: "ThreadBenchSession",
            dependencies: [
                "ThreadBenchModel", "ThreadBenchStatistics", "ThreadBenchMeasurement", "ThreadBenchAnalysis",
                "ThreadBenchStorage", "ThreadBenchOutput",
            ]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "FixtureServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ThreadBenchSuite",
            dependencies: ["ThreadBenchModel", "ThreadBenchMeasurement", "FixtureServer", "CCurl"],
            path: "Benchmarks",
            resources: [.copy("Python/threadbench_driver.py")]
        ),
        .executableTarget(
            name: "threadbench",
            dependencies: [
                "ThreadBenchModel", "ThreadBenchMeasurement", "ThreadBenchAnalysis", "ThreadBenchStorage",
                "ThreadBenchOutput", "ThreadBenchSession", "ThreadBenchSuite",
                "FixtureServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz target for the CSV reader and the --threads parser: a corpus replayer in a
        // plain build, a libFuzzer binary with -sanitize=fuzzer -D THREADBENCH_LIBFUZZER (scripts/fuzz.sh).
        .executableTarget(
            name: "ThreadBenchFuzz",
            dependencies: ["ThreadBenchModel", "ThreadBenchMeasurement", "ThreadBenchAnalysis", "ThreadBenchStorage", "ThreadBenchOutput"]
        ),
        .testTarget(
            name: "ThreadBenchCoreTests",
            dependencies: [
                "ThreadBenchStatistics", "ThreadBenchModel", "ThreadBenchMeasurement", "ThreadBenchAnalysis",
                "ThreadBenchStorage", "ThreadBenchOutput", "ThreadBenchSession",
            ],
            exclude: ["Fuzz"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ThreadBenchSuiteTests",
            dependencies: ["ThreadBenchSuite", "ThreadBenchModel", "ThreadBenchMeasurement", "FixtureServer", "CCurl"]
        ),
        .testTarget(name: "FixtureServerTests", dependencies: ["FixtureServer"]),
        .testTarget(name: "threadbenchTests", dependencies: ["ThreadBenchMeasurement", "ThreadBenchStorage", "threadbench"]),
    ]
)
