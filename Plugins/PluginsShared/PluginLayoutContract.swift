// The one copy of this file lives in Plugins/PluginsShared; SpecGenBuildPlugin and SpecGenCore compile it through
// symlinks (a plugin cannot depend on a library target), so the plugin and the generator cannot disagree.

/// The contract between the build-tool plugin and `specgen generate --shards N`: the output file names the
/// plugin declares before the generator runs, and the shard counts both accept.
enum PluginLayoutContract {
    /// The shard count when `specgen.json` has no `"plugin": {"shards": N}`.
    static let defaultShards = 8

    /// The shard counts accepted (a typo like 8000 would otherwise create thousands of files).
    static let shardRange = 1...256

    /// The file names the layout produces for `shards`, in a fixed order; the plugin declares exactly these.
    static func fileNames(shards: Int) -> [String] {
        ["SpecGenSupport.swift", "SpecGenOperations.swift"] + (0..<shards).map { "SpecGenTypes\($0).swift" }
    }
}
