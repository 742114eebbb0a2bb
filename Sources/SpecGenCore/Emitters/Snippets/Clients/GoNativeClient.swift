/// Go standard library `net/http` (a complete `main` package; multipart through `mime/multipart`).
public struct GoNativeClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "go-native", displayName: "Go net/http", language: "go", fileExtension: "go")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code = CodeWriter(indentUnit: "\t")  // gofmt indents with tabs, whatever the options say
        code.imports = ["fmt", "io", "net/http"]
        code.line("func main() {")
        code.indented { code in
            code.line("url := \(StringLiteralStyle.go.literal(request.strictFullURL))")
            var bodyVariable = "nil"
            switch request.body {
            case .none: break
            case .json, .text, .urlEncoded:
                code.imports.insert("strings")
                code.line("payload := strings.NewReader(\(StringLiteralStyle.go.readableLiteral(request.bodyText ?? "")))")
                bodyVariable = "payload"
            case .multipart(let parts):
                writeMultipart(parts, into: &code)
                bodyVariable = "payload"
            }
            code.blank()
            code.line("req, err := http.NewRequest(\(StringLiteralStyle.go.literal(request.method)), url, \(bodyVariable))")
            code.line("check(err)")
            if !request.headers.isEmpty || { if case .multipart = request.body { true } else { false } }() { code.blank() }
            for header in request.headers {
                code.line("req.Header.Add(\(StringLiteralStyle.go.literal(header.name)), \(StringLiteralStyle.go.literal(header.value)))")
            }
            if case .multipart = request.body { code.line("req.Header.Set(\"Content-Type\", writer.FormDataContentType())") }
            code.blank()
            if let seconds = request.options.timeoutSeconds {
                code.imports.insert("time")
                code.line("client := &http.Client{Timeout: \(seconds) * time.Second}")
            } else {
                code.line("client := &http.Client{}")
            }
            code.line("res, err := client.Do(req)")
            code.line("check(err)")
            code.line("defer res.Body.Close()")
            code.blank()
            code.line("body, err := io.ReadAll(res.Body)")
            code.line("check(err)")
            code.line("fmt.Println(res.Status)")
            code.line("fmt.Println(string(body))")
        }
        code.line("}")
        code.blank()
        code.lines(["func check(err error) {", "\tif err != nil {", "\t\tpanic(err)", "\t}", "}"])
    }

    /// The body built with `mime/multipart`: fields with `WriteField`, files copied into their parts.
    private func writeMultipart(_ parts: [MultipartPart], into code: inout CodeWriter) {
        code.imports.formUnion(["bytes", "mime/multipart"])
        code.blank()
        code.line("payload := &bytes.Buffer{}")
        code.line("writer := multipart.NewWriter(payload)")
        for part in parts {
            if let fileName = part.fileName {
                code.imports.insert("os")
                let disposition = "form-data; name=\"\(ManualMultipart.quoted(part.name))\"; filename=\"\(ManualMultipart.quoted(SnippetRequest.baseName(fileName)))\""
                code.block("{", "}") { code in
                    if let type = part.contentType {
                        code.imports.insert("net/textproto")
                        code.line("header := make(textproto.MIMEHeader)")
                        code.line("header.Set(\"Content-Disposition\", \(StringLiteralStyle.go.literal(disposition)))")
                        code.line("header.Set(\"Content-Type\", \(StringLiteralStyle.go.literal(type)))")
                        code.line("part, err := writer.CreatePart(header)")
                    } else {
                        code.line("part, err := writer.CreateFormFile(\(StringLiteralStyle.go.literal(part.name)), \(StringLiteralStyle.go.literal(SnippetRequest.baseName(fileName))))")
                    }
                    code.line("check(err)")
                    code.line("file, err := os.Open(\(StringLiteralStyle.go.literal(fileName)))")
                    code.line("check(err)")
                    code.line("defer file.Close()")
                    code.line("_, err = io.Copy(part, file)")
                    code.line("check(err)")
                }
            } else {
                code.line("check(writer.WriteField(\(StringLiteralStyle.go.literal(part.name)), \(StringLiteralStyle.go.literal(part.value ?? ""))))")
            }
        }
        code.line("check(writer.Close())")
    }

    func header(imports: [String]) -> String {
        "package main\n\nimport (\n" + imports.map { "\t\"\($0)\"\n" }.joined() + ")\n\n"
    }
}
