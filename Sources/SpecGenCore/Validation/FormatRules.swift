/// The string formats SpecGen checks, as ICU regular expressions shared by `specgen validate` and the
/// generated validators (the generated support file embeds this same table). Formats not listed here
/// are accepted without a check, as JSON Schema asks for unknown formats.
public enum FormatRules {
    private static let unreserved = #"A-Za-z0-9\-._~"#
    private static let subDelims = #"!$&'()*+,;="#
    private static let pathChar = "([\(unreserved)\(subDelims):@/?#\\[\\]]|%[0-9A-Fa-f]{2})"
    private static let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    private static let octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"

    /// Format name → anchored ICU pattern.
    public static let patterns: [String: String] = [
        "date-time": #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\z"#,
        "date": #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\z"#,
        "time": #"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\z"#,
        "email": "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(\(label)\\.)*\(label)\\z",
        "uuid": #"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\z"#,
        "uri": "^[A-Za-z][A-Za-z0-9+.\\-]*:\(pathChar)*\\z",
        // Auth0's `strict-uri`: an absolute http(s) URL with a host.
        "strict-uri": "^[Hh][Tt][Tt][Pp][Ss]?://([\(unreserved)\(subDelims)]|%[0-9A-Fa-f]{2})+(:[0-9]{1,5})?([/?#]\(pathChar)*)?\\z",
        "ipv4": "^(\(octet)\\.){3}\(octet)\\z",
        "hostname": "^(?=.{1,253}\\.?\\z)\(label)(\\.\(label))*\\.?\\z",
    ]

    /// True when SpecGen checks this format.
    public static func isChecked(_ format: String) -> Bool { patterns[format] != nil }

    /// The human name used in messages (`is not a valid email address`).
    public static func noun(_ format: String) -> String {
        switch format {
        case "email": "email address"
        case "uri": "URI"
        case "strict-uri": "absolute http(s) URL"
        case "date-time": "RFC 3339 date-time"
        case "date": "RFC 3339 full-date"
        case "time": "RFC 3339 time"
        case "uuid": "UUID"
        case "ipv4": "IPv4 address"
        default: format
        }
    }
}
