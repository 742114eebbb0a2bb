// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SpecGen",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SpecGenCore", targets: ["SpecGenCore"]),
        .executable(name: "specgen", targets: ["specgen"]),
    ],
    targets: [
        .target(name: "SpecGenCore"),
        .executableTarget(name: "specgen", dependencies: ["SpecGenCore"]),
        .executableTarget(name: "specgen-bench", dependencies: ["SpecGenCore"]),
        .testTarget(name: "SpecGenCoreTests", dependencies: ["SpecGenCore"]),
    ]
)
