import Foundation
/// `specgen diff` as a pure function: two documents (overlays already applied) and a scope → `ChangeReport`.
///
/// Stages: documents → `APIDocument`s → operations in scope → model changes (wire verdicts, `OperationDiff`)
/// and generated Swift of both sides → `SwiftSurface`s → surface changes (Swift verdicts, `SurfaceDiff`) →
/// each surface change attached to the model changes it explains, the rest reported on their own.
public enum DiffEngine {
    /// What to compare: the operation ids in scope (empty: every operation) and the Swift options.
    public struct Scope: Sendable {
        public var operations: [String]
        public var swift: SwiftOptions

        public init(operations: [String] = [], swift: SwiftOptions = SwiftOptions()) {
            self.operations = operations
            self.swift = swift
        }
    }

    /// One side of the comparison, read and generated.
    struct Side {
        var api: APIDocument
        var operations: [Operation]
        var components: [String]
        var surface: SwiftSurface
        var componentNames: [String: String]
        var operationTypeNames: [String: String]
        /// Component key → the operations in scope that reach it.
        var reachingOperations: [String: [String]]
    }

    /// What each of the parallel work items of `run` gives.
    private enum Work {
        case side(Side)
        case model([OperationChange])
    }

    /// A value whose last reference is dropped on another thread.
    private final class Retired: @unchecked Sendable {
        private var value: Any?
        init(_ value: Any) { self.value = value }
        func release() { value = nil }
    }

    /// Compares OLD and NEW; throws located errors for unreadable documents or unknown operation ids.
    public static func run(old: JSONDocument, new: JSONDocument, scope: Scope) throws(DiagnosticsError) -> ChangeReport {
        let read = ParallelMap.map(count: 2) { index -> Result<APIDocument, DiagnosticsError> in
            do throws(DiagnosticsError) { return .success(try OpenAPIReader().read(index == 0 ? old : new).0) } catch { return .failure(error) }
        }
        let oldAPI = try read[0].get(), newAPI = try read[1].get()
        let unknown = scope.operations.filter { oldAPI.operation(id: $0) == nil && newAPI.operation(id: $0) == nil }
        if !unknown.isEmpty {
            throw DiagnosticsError(unknown.map { Diagnostic.error("unknown operation id '\($0)' in both OLD and NEW", pointer: "/operations", hint: "the scope comes from --operation or the config's \"operations\" (./specgen.json when present; pass --config to choose another); run `specgen list-operations` to see the ids") })
        }
        let oldOperations = scope.operations.isEmpty ? oldAPI.operations : scope.operations.compactMap(oldAPI.operation(id:))
        var newOperations = scope.operations.isEmpty ? newAPI.operations : scope.operations.compactMap(newAPI.operation(id:))
        if !scope.operations.isEmpty {
            // An operation in scope whose operationId was renamed is still in scope, found by method and path.
            for operation in oldOperations where newAPI.operation(id: operation.id) == nil {
                if let renamed = newAPI.operations.first(where: { $0.method == operation.method && $0.path == operation.path }), !newOperations.contains(where: { $0.id == renamed.id }) {
                    newOperations.append(renamed)
                }
            }
        }
        // Both SDKs and the model comparison are independent: the comparison runs on the core the smaller
        // SDK frees first.
        let work = ParallelMap.map(count: 3) { index -> Work in
            switch index {
            case 0: .side(side(oldAPI, oldOperations, allSchemas: scope.operations.isEmpty, options: scope.swift))
            case 1: .side(side(newAPI, newOperations, allSchemas: scope.operations.isEmpty, options: scope.swift))
            default: .model(OperationDiff(old: oldAPI, new: newAPI).compare(old: oldOperations, new: newOperations))
            }
        }
        guard case .side(let oldSide) = work[0], case .side(let newSide) = work[1], case .model(let modelChanges) = work[2] else { preconditionFailure("work items in order") }
        let surfaceChanges = SurfaceDiff.compare(oldSide.surface, newSide.surface)
        let attributedChanges = ChangeAttribution(old: oldSide, new: newSide).changes(modelChanges, surfaceChanges)
        // Both sides hold every declaration of both SDKs: freeing them (a tenth of a second on Stripe) is left to
        // a background thread, the report does not wait for it.
        let retired = Retired(work)
        DispatchQueue.global(qos: .utility).async { retired.release() }
        return ChangeReport(changes: attributedChanges)
    }

    /// Component key → the ids of the operations that reach it: each component's direct references are
    /// found once, then each operation's closure is walked over that graph.
    static func reachingOperations(_ operations: [Operation], in api: APIDocument) -> [String: [String]] {
        func directReferences(_ roots: [Schema]) -> Set<String> {
            var found: Set<String> = []
            var pending = roots
            var seen: Set<ObjectIdentifier> = []
            while let schema = pending.popLast() {
                guard seen.insert(ObjectIdentifier(schema)).inserted else { continue }
                if let ref = schema.ref {
                    if api.schemaIndex[ref] != nil { found.insert(ref); continue }
                    if let target = api.resolve(ref) { pending.append(target) }
                }
                pending += schema.properties.map(\.schema) + schema.allOf + schema.oneOf + schema.anyOf
                if let items = schema.items { pending.append(items) }
                if case .schema(let value) = schema.additionalProperties { pending.append(value) }
                if let not = schema.not { pending.append(not) }
            }
            return found
        }
        // Components are numbered, so each operation's walk marks an array instead of hashing names.
        var numbers: [String: Int] = [:]
        var keys: [String] = []
        func number(_ key: String) -> Int {
            if let known = numbers[key] { return known }
            numbers[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        var graph: [[Int]] = []
        for (key, schema) in api.schemas {
            let from = number(key), targets = directReferences([schema]).map(number)
            if graph.count < keys.count { graph += Array(repeating: [], count: keys.count - graph.count) }
            graph[from] = targets
        }
        var reachedBy: [[Int]] = []
        var visitedBy: [Int] = []
        for (position, operation) in operations.enumerated() {
            var roots = operation.parameters.compactMap(\.schema) + (operation.requestBody?.content.compactMap(\.schema) ?? [])
            for response in operation.responses { roots += response.content.compactMap(\.schema) + response.headers.compactMap(\.schema) }
            var pending = directReferences(roots).map(number)
            if visitedBy.count < keys.count {
                visitedBy += Array(repeating: -1, count: keys.count - visitedBy.count)
                reachedBy += Array(repeating: [], count: keys.count - reachedBy.count)
            }
            for key in pending { visitedBy[key] = position }
            while let key = pending.popLast() {
                reachedBy[key].append(position)
                for next in key < graph.count ? graph[key] : [] where visitedBy[next] != position {
                    visitedBy[next] = position
                    pending.append(next)
                }
            }
        }
        var reaching: [String: [String]] = [:]
        for (key, positions) in zip(keys, reachedBy) where !positions.isEmpty { reaching[key] = positions.map { operations[$0].id } }
        return reaching
    }

    static func side(_ api: APIDocument, _ operations: [Operation], allSchemas: Bool, options: SwiftOptions) -> Side {
        let components = allSchemas ? api.schemas.map(\.name) : SchemaReachability.components(for: operations, in: api)
        let sdk = DeclaredSDK(api, components: components, operations: operations, options: options, specName: "spec")
        let surface = SwiftSurface(sdk)
        let reaching = reachingOperations(operations, in: api)
        return Side(api: api, operations: operations, components: components, surface: surface, componentNames: sdk.componentNames, operationTypeNames: sdk.operationTypeNames, reachingOperations: reaching)
    }
}
