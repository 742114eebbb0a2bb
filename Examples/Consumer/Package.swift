// swift-tools-version:6.1
// A package that uses SpecGen the way a consumer would: the build-tool plugin generates the Auth0 client
// from Sources/Auth0Client/specgen.json and an OpenAI chat client (streamed) from Sources/OpenAIChat/specgen.json
// at build time; nothing generated is checked in.
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        // In your package: .package(url: "https://…/SpecGen.git", from: "0.1.0")
        .package(name: "SpecGen", path: "../.."),
    ],
    targets: [
        .target(
            name: "Auth0Client",
            plugins: [.plugin(name: "SpecGenBuildPlugin", package: "SpecGen")]
        ),
        .executableTarget(name: "update-user", dependencies: ["Auth0Client"]),
        .target(
            name: "OpenAIChat",
            plugins: [.plugin(name: "SpecGenBuildPlugin", package: "SpecGen")]
        ),
        .executableTarget(name: "stream-chat", dependencies: ["OpenAIChat"]),
    ]
)
