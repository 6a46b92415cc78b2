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
        .target(
            name: "ThreadBenchSuite",
            dependencies: ["ThreadBenchCore"],
            path: "Benchmarks"
        ),
        .executableTarget(
            name: "threadbench",
            dependencies: [
                "ThreadBenchCore",
                "ThreadBenchSuite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ThreadBenchCoreTests",
            dependencies: ["ThreadBenchCore"],
            exclude: ["Fuzz"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ThreadBenchSuiteTests", dependencies: ["ThreadBenchSuite", "ThreadBenchCore"]),
        .testTarget(name: "threadbenchTests", dependencies: ["ThreadBenchCore", "threadbench"]),
    ]
)
