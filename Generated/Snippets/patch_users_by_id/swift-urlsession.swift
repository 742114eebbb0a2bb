import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let url = URL(string: "https://{yourDomain}/api/v2/users/USER_ID")!
var request = URLRequest(url: url)
request.httpMethod = "PATCH"
request.addValue("Bearer MGMT_API_ACCESS_TOKEN", forHTTPHeaderField: "Authorization")
request.addValue("application/json", forHTTPHeaderField: "Content-Type")
request.httpBody = Data(#"{"blocked":false,"email_verified":false,"email":"john.doe@gmail.com","phone_number":"+199999999999999","phone_verified":false,"user_metadata":{},"app_metadata":{},"given_name":"John","family_name":"Doe","name":"John Doe","nickname":"Johnny","picture":"https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png","verify_email":false,"verify_phone_number":false,"connection":"Initial-Connection","client_id":"DaM8bokEXBWrTUFCiJjWn50jei6ardyX"}"#.utf8)

let (data, response) = try await URLSession.shared.data(for: request)
print((response as? HTTPURLResponse)?.statusCode ?? 0)
print(String(decoding: data, as: UTF8.self))
