// The libFuzzer entry point shared by every fuzz target.
//
// scripts/fuzz compiles Sources/SpecGenCore and every file under Fuzz/ into one module and one binary,
// .build/fuzz/specgen-fuzz; the environment variable SPECGEN_FUZZ_TARGET picks the target. A target is a
// function from the input bytes to nothing that traps (fatalError, sanitizer report) when something is wrong.
// To add one: write Fuzz/<name>/<Reader>Target.swift and add it to `fuzzTargets`.

import Foundation

/// Every fuzz target by name.
let fuzzTargets: [String: ([UInt8]) -> Void] = [
    "json": fuzzJSONReader,
    "yaml": fuzzYAMLReader,
    "openapi": fuzzOpenAPIReader,
    "postman": fuzzPostmanReader,
    "har": fuzzHARReader,
    "overlay": fuzzOverlayEngine,
    "pipeline-json": fuzzPipelineJSON,
    "pipeline-yaml": fuzzPipelineYAML,
]

private let selectedTarget: ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["SPECGEN_FUZZ_TARGET"] ?? ""
    guard let target = fuzzTargets[name] else {
        fatalError("set SPECGEN_FUZZ_TARGET to one of: \(fuzzTargets.keys.sorted().joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
