/// Shared machinery for the per-language string-literal escapers.
enum EscapingSupport {
    /// Maps every Unicode scalar of `text` through `transform` (nil keeps the scalar as is).
    static func map(_ text: String, _ transform: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if let replacement = transform(scalar) { output += replacement } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    /// `value` in hexadecimal, zero-padded to `width` digits.
    static func hex(_ value: UInt32, width: Int, uppercase: Bool = true) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `value` in octal, zero-padded to three digits (for C-family byte escapes, which cannot run on).
    static func octal3(_ value: UInt8) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// True for C0 controls, DEL and the C1 controls (which Python writes as `\xNN`).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// True for scalars that must be escaped to keep a literal on one visible, unambiguous line: the one rule
    /// the Swift emitter uses too (`SwiftSource.isInvisibleOrControl`: C0/C1 controls, line and paragraph
    /// separators, bidi controls ("Trojan Source", CVE-2021-42574), zero-width and other format characters, BOM).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        SwiftSource.isInvisibleOrControl(scalar)
    }

    /// True when `text` can sit in a raw (unescaped) literal: no scalar `needsEscape` names other than LF and tab.
    static func isRawSafe(_ text: String, allowNewlines: Bool = true) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar == "\n" { return allowNewlines }
            if scalar == "\t" { return true }
            return !needsEscape(scalar)
        }
    }

    /// The UTF-16 code units of a scalar.
    static func utf16Units(_ scalar: Unicode.Scalar) -> [UInt16] { Array(String(scalar).utf16) }
}
