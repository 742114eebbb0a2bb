/// Helpers shared by the Java and Kotlin clients.
enum JVMSupport {
    /// Scalars per string constant: a class-file constant holds at most 65,535 bytes.
    static let chunkScalars = 4000

    /// Splits `text` into pieces short enough for one JVM string constant each.
    static func chunks(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > chunkScalars else { return [text] }
        var pieces: [String] = []
        var start = 0
        while start < scalars.count {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<min(start + chunkScalars, scalars.count)])
            pieces.append(String(piece))
            start += chunkScalars
        }
        return pieces
    }

    /// A Java expression for `text`: one literal, or `String.join("", …)` of literals when it is too long for one
    /// constant (javac folds `"a" + "b"` back into one constant, so plain concatenation would not compile).
    static func javaString(_ text: String, indent: String) -> String {
        let pieces = chunks(text)
        if pieces.count == 1 { return StringLiteralStyle.java.literal(text) }
        return "String.join(\"\",\n" + pieces.map { indent + StringLiteralStyle.java.literal($0) }.joined(separator: ",\n") + ")"
    }

    /// A Kotlin expression for `text` (long texts joined at run time, for the same reason).
    static func kotlinString(_ text: String, indent: String) -> String {
        let pieces = chunks(text)
        if pieces.count == 1 { return StringLiteralStyle.kotlin.readableLiteral(text) }
        return "listOf(\n" + pieces.map { indent + StringLiteralStyle.kotlin.literal($0) }.joined(separator: ",\n") + "\n).joinToString(\"\")"
    }

    /// `public class Main` with its `main` method around what `body` writes (the Java clients' program).
    static func writeJavaMain(into code: inout CodeWriter, _ body: (inout CodeWriter) -> Void) {
        code.block("public class Main {", "}") { code in
            code.block("public static void main(String[] args) throws Exception {", "}", body)
        }
    }

    /// Java or Kotlin import lines (`terminator` `;` or nothing) and the blank line after them.
    static func imports(_ names: [String], terminator: String) -> String {
        names.map { "import \($0)\(terminator)" }.joined(separator: "\n") + "\n\n"
    }

    /// Methods OkHttp refuses to send without a body.
    static let okHttpBodyRequired: Set<String> = ["POST", "PUT", "PATCH", "PROPPATCH", "REPORT"]
}
