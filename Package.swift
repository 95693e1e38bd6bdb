// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bimeh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bimeh", targets: ["bimeh"]),
        .executable(name: "bimeh-bench", targets: ["bimeh-bench"]),
        .library(name: "InsuranceKit", targets: ["InsuranceKit"]),
        .library(name: "BimehServer", targets: ["BimehServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Pure domain: rules, money, calendar, identifiers. Foundation only.
        .target(name: "InsuranceKit"),
        // The Vapor application: HTTP API, web pages, persistence, commands.
        .target(
            name: "BimehServer",
            dependencies: [
                "InsuranceKit",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "bimeh", dependencies: ["BimehServer"]),
        // Load generator for the benchmarks (a separate process from the server it measures).
        .executableTarget(
            name: "bimeh-bench",
            dependencies: [
                "InsuranceKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "InsuranceKitTests", dependencies: ["InsuranceKit"]),
        .testTarget(
            name: "BimehServerTests",
            dependencies: [
                "BimehServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
