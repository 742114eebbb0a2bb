import Foundation
import OpenAIChat

// Usage: stream-chat BASE_URL [PROMPT]
// Streams a chat completion from BASE_URL (OpenAI's https://api.openai.com/v1, or a loopback server) and prints
// each chunk's text as it arrives, with the seconds since the request began.
let arguments = CommandLine.arguments
guard arguments.count >= 2, let baseURL = URL(string: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: stream-chat BASE_URL [PROMPT]\n".utf8))
    exit(2)
}
let prompt = arguments.count > 2 ? arguments[2] : "Say hello"
let client = APIClient(baseURL: baseURL, bearerToken: ProcessInfo.processInfo.environment["OPENAI_API_KEY"] ?? "sk-test")
let started = Date()
/// Writes a line at once (unbuffered), with the seconds since the request began.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((String(format: "%.2f ", Date().timeIntervalSince(started)) + text + "\n").utf8))
}
do {
    let operation = Operations.CreateChatCompletion(body: .streaming(prompt, model: "gpt-4o-mini"))
    for try await chunk in client.events(operation) {
        let text = chunk.payload.choices.first?.delta.content.value ?? ""
        say(text)
    }
    say("[done]")
} catch {
    FileHandle.standardError.write(Data("stream failed: \(error)\n".utf8))
    exit(1)
}
