// swift-tools-version:6.0
import PackageDescription

// A private fleet: Acme's own ships in Acme's own package, built into Acme's own `starfleet`
// binary (`acme-starfleet`) together with every ship of Starfleet's default fleet.
let package = Package(
    name: "AcmeFleet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "acme-starfleet", targets: ["acme-starfleet"]),
    ],
    dependencies: [
        // Starfleet itself, by path. A separate repository would use
        // .package(url: "<your Starfleet remote>", from: "<version>") instead.
        .package(name: "Starfleet", path: "../.."),
    ],
    targets: [
        // Acme's ships: one folder per ship, as in Starfleet's own Sources/WorkerShips/Plugins.
        .target(
            name: "AcmeShips",
            dependencies: [
                .product(name: "Starfleet", package: "Starfleet"),
                .product(name: "StarfleetSchema", package: "Starfleet"),
            ]
        ),
        // The binary: Starfleet's command line with Acme's fleet.
        .executableTarget(
            name: "acme-starfleet",
            dependencies: [
                "AcmeShips",
                .product(name: "Starfleet", package: "Starfleet"),
                .product(name: "StarfleetCLI", package: "Starfleet"),
                .product(name: "WorkerShips", package: "Starfleet"),
            ]
        ),
    ]
)
