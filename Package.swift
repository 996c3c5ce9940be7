// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "suiji",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "suiji", targets: ["suiji"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        // Domain types and rules: pure, no I/O. Uses the draw's own rules (`Rounding`).
        .target(
            name: "SuijiCore",
            dependencies: ["SuijiDraw"],
            resources: [.copy("Calendar/holidays-cn.txt")],
            swiftSettings: swiftSettings
        ),
        // The verifiable draw (docs/draw-spec.md): pure, deterministic, swift-crypto only.
        .target(
            name: "SuijiDraw",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // CSV and XLSX reading and writing (encodings, formula guard, zip-bomb limits): no domain.
        .target(
            name: "SuijiTabular",
            dependencies: [
                "SuijiDraw",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // Persistence (SQLite and PostgreSQL through SQLKit), imports and exports.
        .target(
            name: "SuijiStore",
            dependencies: [
                "SuijiCore",
                "SuijiDraw",
                "SuijiTabular",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The demo district (`suiji demo`): realistic, deterministic data through the real stores.
        .target(
            name: "SuijiDemo",
            dependencies: ["SuijiCore", "SuijiDraw", "SuijiStore", "SuijiTabular"],
            swiftSettings: swiftSettings
        ),
        // HTTP: JSON API, staff pages, public portal, authentication.
        .target(
            name: "SuijiWeb",
            dependencies: [
                "SuijiCore",
                "SuijiDraw",
                "SuijiStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Public")],
            swiftSettings: swiftSettings
        ),
        // The command-line interface: commands are thin and call the libraries.
        .target(
            name: "SuijiCLI",
            dependencies: [
                "SuijiCore",
                "SuijiDraw",
                "SuijiStore",
                "SuijiTabular",
                "SuijiDemo",
                "SuijiWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "suiji",
            dependencies: ["SuijiCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // Benchmarks (not tests): `swift run -c release suiji-bench --help`.
        .executableTarget(
            name: "suiji-bench",
            dependencies: [
                "SuijiCore", "SuijiDraw", "SuijiStore", "SuijiTabular", "SuijiDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Benchmarks/SuijiBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "suiji-draw-bench",
            dependencies: ["SuijiDraw", .product(name: "Crypto", package: "swift-crypto")],
            path: "Benchmarks/DrawBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SuijiCoreTests", dependencies: ["SuijiCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SuijiDrawTests", dependencies: ["SuijiDraw", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SuijiStoreTests",
            dependencies: [
                "SuijiCore", "SuijiDraw", "SuijiStore", "SuijiTabular",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SuijiTabularTests",
            dependencies: ["SuijiTabular"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SuijiDemoTests",
            dependencies: [
                "SuijiCore", "SuijiStore", "SuijiDemo",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SuijiCLITests",
            dependencies: [
                "SuijiCLI", "SuijiStore", "SuijiCore", "SuijiTabular", "SuijiDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SuijiWebTests",
            dependencies: [
                "SuijiCore", "SuijiDraw", "SuijiStore", "SuijiTabular", "SuijiWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)
