/// Hand-written code beside the generated OpenAI chat client, which the build-tool plugin adds to this module.
extension CreateChatCompletionRequest {
    /// One user message to `model`, answered as a stream of chunks.
    public static func streaming(_ prompt: String, model: String) -> CreateChatCompletionRequest {
        let message = ChatCompletionRequestMessage.chatCompletionRequestUserMessage(.init(content: .textContent(prompt), role: .user))
        return CreateChatCompletionRequest(messages: [message], model: .string2(model), stream: true)
    }
}
