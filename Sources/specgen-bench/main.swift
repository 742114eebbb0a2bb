import Foundation
import SpecGenCore

/// specgen-bench: times DocumentLoader reads of one file (build with -c release).
///
///     specgen-bench read FILE [--repeat N] [--print]
///
/// Each run times `DocumentLoader.load(path:)`: reading the file and parsing it. Prints one line per run, `run <i>: <seconds> s`, then `median: <seconds> s`. With `--print`, writes the
/// document as compact JSON to stdout instead (used by the YAML comparison scripts).
let arguments = Array(CommandLine.arguments.dropFirst())

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: specgen-bench read FILE [--repeat N] [--print]\n".utf8))
    exit(2)
}

guard arguments.count >= 2, arguments[0] == "read" else { usage() }
let path = arguments[1]
var repeats = 5
var printTree = false
var rest = arguments.dropFirst(2)[...]
while let option = rest.popFirst() {
    switch option {
    case "--repeat":
        guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { usage() }
        repeats = value
    case "--print":
        printTree = true
    default:
        usage()
    }
}

do {
    if printTree {
        let document = try DocumentLoader.load(path: path)
        print(JSONWriter().string(document.root.value))
        for warning in document.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        exit(0)
    }
    var times: [Double] = []
    for run in 1...repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        let document = try DocumentLoader.load(path: path)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        times.append(seconds)
        print("run \(run): \(String(format: "%.4f", seconds)) s (\(document.root.value.objectValue?.count ?? 0) top-level keys)")
    }
    let sorted = times.sorted()
    let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    print("median: \(String(format: "%.4f", median)) s")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
