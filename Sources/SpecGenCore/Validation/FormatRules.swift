import Foundation

/// The string formats SpecGen checks, as ICU regular expressions shared by `specgen validate` and the
/// generated validators (the generated support file embeds this same table). Formats not listed here
/// are accepted without a check, as JSON Schema asks for unknown formats.
public enum FormatRules {
    private static let unreserved = #"A-Za-z0-9\-._~"#
    private static let subDelims = #"!$&'()*+,;="#
    private static let pathChar = "([\(unreserved)\(subDelims):@/?#\\[\\]]|%[0-9A-Fa-f]{2})"
    private static let userChar = "([\(unreserved)\(subDelims):]|%[0-9A-Fa-f]{2})"
    private static let hostChar = "([\(unreserved)\(subDelims)]|%[0-9A-Fa-f]{2})"
    private static let segmentChar = "([\(unreserved)\(subDelims):@]|%[0-9A-Fa-f]{2})"
    private static let queryChar = "([\(unreserved)\(subDelims):@/?]|%[0-9A-Fa-f]{2})"
    private static let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    private static let octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
    /// RFC 3986 `IP-literal`: an IPv6 address by its grammar (an embedded IPv4 address without leading zeros) or IPvFuture.
    private static let ipLiteral: String = {
        let h16 = "[0-9A-Fa-f]{1,4}", ls32 = "(\(h16):\(h16)|(\(octet)\\.){3}\(octet))"
        let forms = ["(\(h16):){6}\(ls32)", "::(\(h16):){5}\(ls32)", "(\(h16))?::(\(h16):){4}\(ls32)",
                     "((\(h16):){0,1}\(h16))?::(\(h16):){3}\(ls32)", "((\(h16):){0,2}\(h16))?::(\(h16):){2}\(ls32)",
                     "((\(h16):){0,3}\(h16))?::\(h16):\(ls32)", "((\(h16):){0,4}\(h16))?::\(ls32)",
                     "((\(h16):){0,5}\(h16))?::\(h16)", "((\(h16):){0,6}\(h16))?::"]
        return "\\[((" + forms.joined(separator: "|") + ")|[Vv][0-9A-Fa-f]+\\.[\(unreserved)\(subDelims):]+)\\]"
    }()

    /// Format name → anchored ICU pattern.
    public static let patterns: [String: String] = [
        "date-time": #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\z"#,
        "date": #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\z"#,
        "time": #"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\z"#,
        // RFC 5321 mailbox: dot-atom or quoted local part; a host name or an address literal after the @.
        "email": "^([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|\"([^\"\\\\]|\\\\.)*\")@((\(label)\\.)*\(label)|\\[\(octet)(\\.\(octet)){3}\\]|\\[IPv6:[0-9A-Fa-f:.]+\\])\\z",
        "uuid": #"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\z"#,
        // RFC 3986 absolute URI: `//authority` (userinfo, host or [IP literal], numeric port) or a path, query, fragment.
        "uri": "^[A-Za-z][A-Za-z0-9+.\\-]*:(//(\(userChar)*@)?(\(ipLiteral)|\(hostChar)*)(:[0-9]*)?(/\(segmentChar)*)*|(/?\(segmentChar)+(/\(segmentChar)*)*|/)?)(\\?\(queryChar)*)?(#\(queryChar)*)?\\z",
        // Auth0's `strict-uri`: an absolute http(s) URL with a host.
        "strict-uri": "^[Hh][Tt][Tt][Pp][Ss]?://([\(unreserved)\(subDelims)]|%[0-9A-Fa-f]{2})+(:[0-9]{1,5})?([/?#]\(pathChar)*)?\\z",
        "ipv4": "^(\(octet)\\.){3}\(octet)\\z",
        "hostname": "^(?=.{1,253}\\z)\(label)(\\.\(label))*\\z",
    ]

    /// True when `text` is a valid `format` value (formats SpecGen does not check always are).
    public static func matches(_ format: String, _ text: String) -> Bool {
        guard let pattern = patterns[format] else { return true }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return true }
        guard expression.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil else { return false }
        if format == "hostname", !SpecGenIDNA.aLabelsAreValid(text) { return false }
        return isRealCalendarValue(format, text)
    }

    /// RFC 3339 beyond the pattern: the day exists in its month (leap years included) and a leap second
    /// (`:60`) falls on 23:59 UTC.
    public static func isRealCalendarValue(_ format: String, _ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func number(_ start: Int, _ count: Int) -> Int {
            scalars[start..<start + count].reduce(0) { $0 * 10 + Int($1.value) - 48 }
        }
        var timeStart = 0
        if format == "date" || format == "date-time" {
            guard scalars.count >= 10 else { return true }
            let year = number(0, 4), month = number(5, 2), day = number(8, 2)
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...12).contains(month), day <= days[month - 1] else { return false }
            timeStart = 11
        }
        guard format != "date", scalars.count >= timeStart + 8, number(timeStart + 6, 2) == 60 else { return true }
        var minutes = number(timeStart, 2) * 60 + number(timeStart + 3, 2)
        if let sign = scalars[(timeStart + 8)...].firstIndex(where: { $0 == "+" || $0 == "-" }), scalars.count >= sign + 6 {
            let offset = number(sign + 1, 2) * 60 + number(sign + 4, 2)
            minutes += scalars[sign] == "+" ? -offset : offset
        }
        return (minutes % 1440 + 1440) % 1440 == 23 * 60 + 59
    }

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
