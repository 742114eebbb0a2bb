// A consumer of the SDK generated from old.json: what an app would write, using what the edit touches.
// `specgen diff` must call the edit source-breaking exactly when this stops compiling against new.json's SDK.
import Foundation

func consume(_ client: APIClient) async throws {
    let pet = try await client.getPet(.init(petId: "1"))
    _ = pet.name
}
