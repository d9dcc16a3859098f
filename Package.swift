// swift-tools-version:6.0
import PackageDescription

/// Shared across targets so every module is held to the same language rules.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "MotCua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        .library(name: "MotCuaKit", targets: ["MotCuaKit"]),
        .library(name: "MotCuaPreview", targets: ["MotCuaPreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through hummingbird; named so the preview can quiet the server's own log.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        // Already in the graph through hummingbird; named so the preview can stop the server gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "MotCuaKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The preview server lives apart so the core library never links the HTTP stack.
        .target(
            name: "MotCuaPreview",
            dependencies: [
                "MotCuaKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "motcua",
            dependencies: [
                "MotCuaKit",
                "MotCuaPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            // mimalloc (Debian's libmimalloc-dev) replaces glibc's malloc for the whole process: a build makes
            // millions of small Swift allocations on two threads, where glibc's malloc and free are a large share
            // of its instructions and mimalloc's cost less; figures in Benchmarks/NOTES.md (Allocator). Only the
            // executable links it: the library and its tests keep the system allocator.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "MotCuaKitTests",
            // Oracles: Yams's own composer for the reader's YAML trees, swift-mustache for the template renderer.
            dependencies: ["MotCuaKit", .product(name: "Yams", package: "Yams"), .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures", "Search/fold-cases.json"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MotCuaPreviewTests",
            dependencies: [
                "MotCuaKit",
                "MotCuaPreview",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MotCuaKit"],
            swiftSettings: swiftSettings
        ),
    ]
)
