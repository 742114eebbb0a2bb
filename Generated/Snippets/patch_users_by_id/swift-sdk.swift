import Foundation
import Auth0Management

let client = APIClient(
    baseURL: URL(string: "https://{yourDomain}/api/v2")!,
    bearerToken: "MGMT_API_ACCESS_TOKEN"
)

// Members left out are not sent; a Nullable member set to .null is sent as null.
let body = UpdateUserRequestContent(
    blocked: false,
    emailVerified: false,
    email: "john.doe@gmail.com",
    phoneNumber: "+199999999999999",
    phoneVerified: false,
    userMetadata: [:],
    appMetadata: [:],
    givenName: "John",
    familyName: "Doe",
    name: "John Doe",
    nickname: "Johnny",
    picture: "https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png",
    verifyEmail: false,
    verifyPhoneNumber: false,
    connection: "Initial-Connection",
    clientId: "DaM8bokEXBWrTUFCiJjWn50jei6ardyX"
)

let operation = Operations.PatchUsersById(id: "USER_ID", body: body)

do throws(APIError) {
    let response = try await client.patchUsersById(operation)
    print(response)
} catch {
    // `error` is an APIError: the status, headers and body the server answered with, or why no answer came.
    print(error.statusCode, String(decoding: error.rawBody, as: UTF8.self))
}
