// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ThreadBench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "threadbench", targets: ["threadbench"]),
        .library(name: "ThreadBenchCore", targets: ["ThreadBenchCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/ordo-one/TextTable", from: "0.0.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "CThreadShims"),
        .target(
            name: "ThreadBenchCore",
            dependencies: [
                "CThreadShims",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "TextTable", package: "TextTable"),
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
            dependencies: ["ThreadBenchCore", "FixtureServer", "CCurl"],
            path: "Benchmarks",
            resources: [.copy("Python/threadbench_driver.py")]
        ),
        .executableTarget(
            name: "threadbench",
            dependencies: [
                "ThreadBenchCore",
                "ThreadBenchSuite",
                "FixtureServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz target for the CSV reader and the --threads parser: a corpus replayer in a
        // plain build, a libFuzzer binary with -sanitize=fuzzer -D THREADBENCH_LIBFUZZER (scripts/fuzz.sh).
        .executableTarget(name: "ThreadBenchFuzz", dependencies: ["ThreadBenchCore"]),
        .testTarget(
            name: "ThreadBenchCoreTests",
            dependencies: ["ThreadBenchCore"],
            exclude: ["Fuzz"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ThreadBenchSuiteTests", dependencies: ["ThreadBenchSuite", "ThreadBenchCore", "CCurl"]),
        .testTarget(name: "FixtureServerTests", dependencies: ["FixtureServer"]),
        .testTarget(name: "threadbenchTests", dependencies: ["ThreadBenchCore", "threadbench"]),
    ]
)
