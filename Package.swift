// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ragtop",
    products: [
        .executable(name: "ragtop", targets: ["ragtop"]),
        .library(name: "ScorecardData", targets: ["ScorecardData"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The only C in the project: ncursesw through a module map and a header-only shim.
        // No pkgConfig: its cflags (-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600) are flags SwiftPM
        // refuses ("prohibited flag(s)") and drops anyway; shim.h defines what curses.h needs,
        // and the module map links ncursesw (whose .so pulls in tinfo).
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Model, flat-file readers, validation, RAG/DOT rules, queries, importers. No UI.
        .target(name: "ScorecardData"),
        // Pure UI logic: State, Action, update, views rendering State into a Canvas. No I/O.
        .target(name: "Dashboard", dependencies: ["ScorecardData"]),
        // Theme files (TOML) and the config file: parsing, discovery, fallbacks.
        .target(name: "Themes", dependencies: ["Dashboard", "ScorecardData", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The ncurses backend: the only importer of CNcurses.
        .target(name: "Terminal", dependencies: ["CNcurses", "Dashboard"]),
        // The executable: argument parsing and wiring.
        .executableTarget(
            name: "ragtop",
            dependencies: [
                "ScorecardData", "Dashboard", "Terminal", "Themes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources/kent-cype-2024-10"), .copy("Resources/national")]
        ),
        .testTarget(name: "ScorecardDataTests", dependencies: ["ScorecardData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "ScorecardData"], resources: [.copy("Golden"), .copy("Fixtures")]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "Dashboard", "ScorecardData"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Dashboard"]),
    ],
    swiftLanguageModes: [.v6]
)
