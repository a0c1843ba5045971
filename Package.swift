// swift-tools-version:6.0
import PackageDescription

/// Numeric targets are compiled with optimization even in debug builds: numeric Swift
/// is 10–50× slower at -Onone, which would make `swift test` crawl through training loops.
let numericSettings: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "notes",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "notes", targets: ["notes"]),
        .executable(name: "notes-bench", targets: ["notes-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C shims: nothing but module maps and tiny headers.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Numerics.
        .target(name: "PortableMath", swiftSettings: numericSettings),
        .target(name: "Tensors", dependencies: ["CBLAS", "PortableMath"], swiftSettings: numericSettings,
                linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "LatentModels", dependencies: ["Tensors", "PortableMath", "CZlib"], swiftSettings: numericSettings),

        // Documents.
        .target(name: "Charts", dependencies: ["PortableMath"]),
        .target(name: "Markdown", dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]),
        .target(name: "Notebook", dependencies: [
            "PortableMath",
            "Markdown", "Charts", "CZlib",
        ], resources: [
            // The site's stylesheet and script, compiled into the binary (no bundle to find at run time).
            .embedInCode("Resources/notes.css"), .embedInCode("Resources/notes.js"),
        ]),
        .target(name: "Experiments", dependencies: ["Notebook", "Charts", "LatentModels", "PortableMath"],
                swiftSettings: numericSettings),
        .target(name: "NotesCLI", dependencies: [
            "Notebook", "Experiments",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "notes", dependencies: ["NotesCLI"]),
        .executableTarget(name: "notes-bench", dependencies: ["Tensors", "LatentModels", "Notebook", "Experiments"],
                          swiftSettings: numericSettings),

        .testTarget(name: "PortableMathTests", dependencies: ["PortableMath", "CBLAS"], swiftSettings: numericSettings),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], swiftSettings: numericSettings),
        .testTarget(name: "LatentModelsTests", dependencies: ["LatentModels"], swiftSettings: numericSettings),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .target(name: "NotebookTestSupport", dependencies: ["Notebook"], path: "Tests/NotebookTestSupport"),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "NotebookTestSupport"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"]),
        // Depends on the `notes` executable so that the interrupted-build test can launch it.
        .testTarget(name: "NotesCLITests", dependencies: ["NotesCLI", "notes", "NotebookTestSupport"]),
    ]
)
