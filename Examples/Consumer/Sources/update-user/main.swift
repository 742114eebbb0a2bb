import Auth0Client
import Foundation

// Usage: update-user BASE_URL [USER_ID] [TOKEN]
// Sends PATCH BASE_URL/users/USER_ID with given_name set and family_name explicitly null (Auth0 removes it).
let arguments = CommandLine.arguments
guard arguments.count >= 2, let baseURL = URL(string: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: update-user BASE_URL [USER_ID] [TOKEN]\n".utf8))
    exit(2)
}
let userID = arguments.count > 2 ? arguments[2] : "auth0|507f1f77bcf86cd799439020"
let token = arguments.count > 3 ? arguments[3] : "MGMT_API_ACCESS_TOKEN"

var body = UpdateUserRequestContent(givenName: "John")
body.familyName = .null            // sent as "family_name": null
body.userMetadata = ["hobby": .null]
// body.picture stays .absent and is not sent at all

let issues = body.validate()
guard issues.isEmpty else {
    for issue in issues { print("invalid: \(issue)") }
    exit(1)
}

let client = APIClient.tenant(baseURL, token: token)
do {
    let user = try await client.patchUsersById(Operations.PatchUsersById(id: userID, body: body))
    print("updated user \(user.userId ?? "?")")
} catch {
    FileHandle.standardError.write(Data("request failed: \(error)\n".utf8))
    exit(1)
}
