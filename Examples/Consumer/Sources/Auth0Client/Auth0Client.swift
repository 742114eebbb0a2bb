import Foundation

/// Hand-written code living beside the generated files (SpecGenSupport.swift, SpecGenOperations.swift,
/// SpecGenTypes0…7.swift), which the build-tool plugin adds to this module.
extension APIClient {
    /// A client for an Auth0 tenant (`https://<domain>/api/v2`), or for any base URL such as a test server.
    public static func tenant(_ baseURL: URL, token: String) -> APIClient {
        APIClient(baseURL: baseURL, bearerToken: token)
    }
}
