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

    /// True for C0 controls, DEL and the C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// True for the line and paragraph separators that some languages treat as line ends.
    static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85
    }

    /// True for the invisible bidirectional controls that can reorder how source code reads ("Trojan Source",
    /// CVE-2021-42574): they are always written as escapes where the language has one.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// True for scalars that must be escaped to keep a literal on one visible, unambiguous line.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isLineSeparator(scalar) || isBidiControl(scalar) || scalar.value == 0xFEFF
    }

    /// True when `text` can sit in a raw (unescaped) literal: no controls other than LF and tab, no line or
    /// paragraph separators, no bidi controls, no BOM.
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
