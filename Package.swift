// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SpecGen",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SpecGenCore", targets: ["SpecGenCore"]),
        .library(name: "Auth0Management", targets: ["Auth0Management"]),
        .executable(name: "specgen", targets: ["specgen"]),
    ],
    targets: [
        .target(name: "SpecGenCore"),
        .executableTarget(name: "specgen", dependencies: ["SpecGenCore"]),
        // The checked-in output of `specgen generate`, compiled as a real target so golden files must build.
        .target(name: "Auth0Management", path: "Generated/Swift"),
        .testTarget(name: "SpecGenCoreTests", dependencies: ["SpecGenCore", "specgen"]),
        .testTarget(name: "GeneratedCodeTests", dependencies: ["Auth0Management"]),
    ]
)
