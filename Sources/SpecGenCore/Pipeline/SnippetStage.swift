/// Snippet files and docs pages for the selected operations.
enum SnippetStage {
    /// A file-system-safe folder name for an operation id.
    static func folderName(_ id: String) -> String {
        let safe = String(String.UnicodeScalarView(id.unicodeScalars.map { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." ? $0 : "_" }))
        return safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe
    }

    static func clients(_ config: SpecGenConfig) throws(DiagnosticsError) -> [any SnippetClient] {
        if config.swiftOnly { return SnippetClients.client(id: "shell-curl").map { [$0] } ?? [] }
        guard !config.snippetClients.isEmpty else { return SnippetClients.all }
        var result: [any SnippetClient] = []
        for id in config.snippetClients where id.lowercased() != SwiftSDKSnippet.info.id {
            guard let client = SnippetClients.client(id: id) else {
                throw DiagnosticsError(.error("unknown snippet client '\(id)' in the config", at: config.configPath.map { SourceLocation(file: $0, line: 1, column: 1) }, pointer: "/snippets/clients", hint: "run `specgen snippet --list-clients` for the ids"))
            }
            result.append(client)
        }
        return result
    }

    /// The `swift-sdk` snippet writer, unless the config leaves it out (`swiftOnly`, or a client list without it).
    static func swiftSDK(_ config: SpecGenConfig, api: APIDocument, components: [String], operations: [Operation]) -> SwiftSDKSnippet? {
        let listed = config.snippetClients.isEmpty || config.snippetClients.contains { $0.lowercased() == SwiftSDKSnippet.info.id }
        guard !config.swiftOnly, listed, !operations.isEmpty else { return nil }
        return SwiftSDKSnippet(api: api, components: components, operations: operations, moduleName: config.swift.moduleName, placeholders: config.placeholders)
    }

    static func files(_ config: SpecGenConfig, api: APIDocument, components: [String], operations: [Operation], postman: PostmanStage.Result?) throws(DiagnosticsError) -> [GeneratedFile] {
        let clients = try clients(config)
        let sdk = swiftSDK(config, api: api, components: components, operations: operations)
        let builder = OperationExampleBuilder(api: api, placeholders: config.placeholders)
        var files: [GeneratedFile] = []
        var samples: [(pointer: JSONPointer, snippets: [(SnippetClientInfo, String)])] = []
        for operation in operations {
            let folder = "Snippets/" + folderName(operation.id)
            let example = builder.request(for: operation)
            var rendered: [RenderedSnippet] = []
            if let sdk {
                let snippet = sdk.render(operation)
                rendered.append(RenderedSnippet(info: SwiftSDKSnippet.info, text: snippet.text, limitation: snippet.limitation))
            }
            for client in clients {
                rendered.append(RenderedSnippet(info: client.info, text: client.render(example, options: .default), limitation: client.limitation(for: example)))
            }
            for snippet in rendered {
                files.append(GeneratedFile(path: "\(folder)/\(snippet.info.id).\(snippet.info.fileExtension)", contents: snippet.text))
            }
            samples.append((operation.pointer, rendered.map { ($0.info, $0.text) }))
            var postmanCurl: String?
            if let item = postman?.matched[operation.id], let curl = SnippetClients.client(id: "shell-curl") {
                postmanCurl = curl.render(item.requestExample(resolveVariables: false), options: .default)
                files.append(GeneratedFile(path: "\(folder)/postman/shell-curl.sh", contents: postmanCurl!))
            }
            if !config.swiftOnly {
                files.append(GeneratedFile(path: "Docs/\(folderName(operation.id)).md", contents: DocsPage.render(operation: operation, api: api, example: example, snippets: rendered, postmanCurl: postmanCurl, postmanName: postman?.matched[operation.id]?.name)))
                let page = HTMLPage(api: api, operation: operation, example: example, snippets: rendered, postman: postmanCurl.map { ($0, postman?.matched[operation.id]?.name) })
                files.append(GeneratedFile(path: "Docs/" + HTMLPage.fileName(for: operation.id), contents: page.render()))
            }
        }
        if !config.swiftOnly, !operations.isEmpty {
            files.append(GeneratedFile(path: "Docs/index.html", contents: HTMLIndex.render(api: api, operations: operations)))
        }
        if let name = config.codeSamplesSpec {
            files.append(GeneratedFile(path: name, contents: CodeSamples.document(api.source, samples: samples)))
        }
        return files
    }
}

/// One snippet as docs pages and snippet files show it: its client, its text and what it cannot express.
struct RenderedSnippet {
    var info: SnippetClientInfo
    var text: String
    var limitation: String?
}
