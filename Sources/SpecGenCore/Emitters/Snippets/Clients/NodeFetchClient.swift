/// Node.js 18+ global `fetch` in an ES module (top-level await; files read with `node:fs`).
public struct NodeFetchClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "node-fetch", displayName: "Node.js fetch", language: "javascript", fileExtension: "mjs")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        if request.hasFileParts {
            code.line("import { readFileSync } from 'node:fs';")
            code.blank()
        }
        code.line("const url = \(StringLiteralStyle.javaScript.literal(request.fullURL));")
        JavaScriptSupport.writeFetchOptions(request, into: &code) { part, fileName in
            let type = part.contentType.map { ", { type: \(StringLiteralStyle.javaScript.literal($0)) }" } ?? ""
            return "new Blob([readFileSync(\(StringLiteralStyle.javaScript.literal(fileName)))]\(type))"
        }
        code.blank()
        code.block("try {", "} catch (error) {") { code in
            code.line("const response = await fetch(url, options);")
            code.line("console.log(response.status);")
            code.line("console.log(await response.text());")
        }
        code.indented { $0.line("console.error(error);") }
        code.line("}")
    }

    public func limitation(for example: RequestExample) -> String? { JavaScriptSupport.formDataLimitation(example) }
}
