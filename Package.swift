// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Starfleet",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "StarfleetSchema", targets: ["StarfleetSchema"]),
        .library(name: "Starfleet", targets: ["Starfleet"]),
        .library(name: "StarfleetAWS", targets: ["StarfleetAWS"]),
        .library(name: "WorkerShips", targets: ["WorkerShips"]),
        .library(name: "StarfleetTUI", targets: ["StarfleetTUI"]),
        .library(name: "StarfleetConsole", targets: ["StarfleetConsole"]),
        .library(name: "StarfleetCLI", targets: ["StarfleetCLI"]),
        .executable(name: "starfleet", targets: ["starfleet"]),
        // The Lambda `bootstrap`: the runtime loop and the fleet, without the console (no ncurses).
        .executable(name: "starfleet-lambda", targets: ["starfleet-lambda"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Named because the transport uses their types (errors, deadlines) directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Field kinds, schemas, YAML trees and the error tree. Knows nothing of ships or AWS.
        .target(
            name: "StarfleetSchema",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // Credentials, SigV4, endpoints, retries and the few AWS APIs we call.
        .target(
            name: "StarfleetAWS",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Configuration, the worker-ship contract, templates, registry, account index, runs.
        .target(
            name: "Starfleet",
            dependencies: [
                "StarfleetSchema",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
        ),
        // The core's queue, template store, secrets and alerts on AWS: shared by the CLI and the Lambda runtime.
        .target(
            name: "StarfleetRuntime",
            dependencies: ["Starfleet", "StarfleetSchema", "StarfleetAWS", .product(name: "Logging", package: "swift-log")]
        ),
        // The Lambda custom runtime: Runtime API loop and the handlers `_HANDLER` selects.
        .target(
            name: "StarfleetLambda",
            dependencies: ["Starfleet", "StarfleetSchema", "StarfleetAWS", "StarfleetRuntime", .product(name: "Logging", package: "swift-log")]
        ),
        // One folder per plugin; Fleet.swift lists them.
        .target(
            name: "WorkerShips",
            dependencies: [
                "Starfleet", "StarfleetSchema", "StarfleetAWS", "StarfleetRuntime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                // RS256 for the GitHub App's JWT (GitHubSyncWorkerShip).
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The terminal toolkit: cells, surfaces, widgets, themes, keys and bindings, curses.
        // Knows nothing of Starfleet.
        .target(
            name: "StarfleetTUI",
            dependencies: [
                "CNcursesw",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
            // No unsafe flags here: a private fleet depends on this package by URL, and SwiftPM refuses
            // unsafe flags in such a dependency. (`-cross-module-optimization` halved a 200,000-line run in
            // scripts/bench/console.sh; making the toolkit's hot generics @inlinable is the clean way back.)
        ),
        // The operator console: state, commands, features (reduce + views), runtime.
        .target(
            name: "StarfleetConsole",
            dependencies: [
                "Starfleet", "StarfleetSchema", "StarfleetTUI",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // swift-argument-parser commands; callable with any fleet (private fleets).
        .target(
            name: "StarfleetCLI",
            dependencies: [
                "Starfleet", "StarfleetSchema", "StarfleetAWS", "StarfleetConsole", "WorkerShips", "StarfleetRuntime", "StarfleetLambda",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "starfleet", dependencies: ["StarfleetCLI", "WorkerShips"]),
        // Symbol versions the Lambda image (glibc 2.34, gcc 11) has; see SymbolVersions.c.
        .target(name: "CLambdaSymbolVersions"),
        .executableTarget(name: "starfleet-lambda", dependencies: ["StarfleetLambda", "WorkerShips", "CLambdaSymbolVersions"]),
        .executableTarget(
            name: "starfleet-bench",
            dependencies: ["Starfleet", "StarfleetSchema", "WorkerShips", "StarfleetCLI", "StarfleetTUI",
                           .product(name: "Logging", package: "swift-log")],
            path: "Sources/StarfleetBenchmarks"
        ),
        .executableTarget(name: "starfleet-probe-fleet", dependencies: ["StarfleetCLI", "WorkerShips", "Starfleet", "StarfleetSchema", "StarfleetAWS", .product(name: "Logging", package: "swift-log")], path: "Sources/StarfleetProbeFleet"),
        // Test-only helpers: moto_server launcher, tmux driver, temporary directories.
        .target(name: "StarfleetTestSupport", dependencies: ["StarfleetAWS", "Starfleet", "StarfleetSchema", .product(name: "Logging", package: "swift-log")]),

        .testTarget(name: "StarfleetSchemaTests", dependencies: ["StarfleetSchema", "StarfleetTestSupport"]),
        .testTarget(name: "StarfleetTests", dependencies: ["Starfleet", "StarfleetSchema", "WorkerShips", "StarfleetTestSupport"]),
        .testTarget(name: "StarfleetAWSTests", dependencies: ["StarfleetAWS", "StarfleetTestSupport"]),
        .testTarget(name: "WorkerShipsTests", dependencies: ["WorkerShips", "Starfleet", "StarfleetSchema", "StarfleetAWS", "StarfleetTestSupport", .product(name: "_CryptoExtras", package: "swift-crypto")]),
        .testTarget(name: "StarfleetTUITests", dependencies: ["StarfleetTUI"]),
        .testTarget(name: "StarfleetConsoleTests", dependencies: ["StarfleetConsole", "StarfleetTUI", "Starfleet", "StarfleetSchema", "WorkerShips", "StarfleetTestSupport"]),
        .testTarget(name: "StarfleetCLITests", dependencies: ["StarfleetCLI", "StarfleetTestSupport", "StarfleetSchema", "Starfleet", "WorkerShips"]),
        .testTarget(name: "StarfleetRuntimeTests", dependencies: ["StarfleetRuntime", "Starfleet", "StarfleetSchema", "StarfleetAWS", "StarfleetTestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "StarfleetLambdaTests", dependencies: ["StarfleetLambda", "Starfleet", "StarfleetSchema", "WorkerShips", "StarfleetTestSupport"]),
        .testTarget(name: "DocSnippetsTests", dependencies: ["Starfleet", "StarfleetSchema", "WorkerShips", "StarfleetAWS"]),
    ]
)
