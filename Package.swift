// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SpecGen",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SpecGenCore", targets: ["SpecGenCore"]),
        .library(name: "Auth0Management", targets: ["Auth0Management"]),
        .executable(name: "specgen", targets: ["specgen"]),
        .plugin(name: "SpecGenBuildPlugin", targets: ["SpecGenBuildPlugin"]),
        .plugin(name: "SpecGenCommandPlugin", targets: ["SpecGenCommandPlugin"]),
        .plugin(name: "SpecGenDiffPlugin", targets: ["SpecGenDiffPlugin"]),
    ],
    targets: [
        .target(name: "SpecGenCore"),
        .executableTarget(name: "specgen", dependencies: ["SpecGenCore"]),
        .executableTarget(name: "specgen-bench", dependencies: ["SpecGenCore"]),
        // Consumer packages: generate at build time (Plugins/SpecGenBuildPlugin) or refresh checked-in output.
        .plugin(name: "SpecGenBuildPlugin", capability: .buildTool(), dependencies: ["specgen"]),
        .plugin(
            name: "SpecGenCommandPlugin",
            capability: .command(
                intent: .custom(verb: "specgen-generate", description: "Regenerate (or --check) the package's Generated/ folder from specgen.json"),
                permissions: [.writeToPackageDirectory(reason: "specgen-generate rewrites the generated files named by specgen.json")]
            ),
            dependencies: ["specgen"]
        ),
        // `swift package specgen-diff OLD NEW …`: what an API change does to the generated SDK (read-only).
        .plugin(
            name: "SpecGenDiffPlugin",
            capability: .command(intent: .custom(verb: "specgen-diff", description: "Report wire-breaking, source-breaking and additive changes between two versions of the spec")),
            dependencies: ["specgen"]
        ),
        // The checked-in output of `specgen generate`, compiled as a real target so golden files must build.
        .target(name: "Auth0Management", path: "Generated/Swift"),
        // Shared by the test targets: the loopback echo server and process helpers.
        .target(name: "SpecGenTestSupport", path: "Tests/Support", exclude: ["echo_server.py"]),
        .testTarget(name: "SpecGenCoreTests", dependencies: ["SpecGenCore", "specgen", "SpecGenTestSupport"]),
        .testTarget(name: "GeneratedCodeTests", dependencies: ["Auth0Management", "SpecGenTestSupport"]),
    ]
)
