/// The A-label rules of `format: hostname` in the support file: the text of `SpecGenIDNA`
/// (`Validation/IDNAHostname.swift`, which `specgen validate` runs), so both validators decide alike.
enum SupportHostnameRules {
    static let source = "\n" + enumText.replacingOccurrences("\nenum SpecGenIDNA {", with: "\nnonisolated enum SpecGenIDNA {")

    /// The text of `SpecGenIDNA`, from its doc comment to its closing brace (`SupportHostnameRulesTests` keeps it
    /// equal to the compiled one).
    static let enumText = #"""
/// A-labels of host names: Punycode decoding and the IDNA2008 code point rules.
enum SpecGenIDNA {
    /// False when a label of `hostname` starts with `xn--` and is not a valid A-label.
    static func aLabelsAreValid(_ hostname: String) -> Bool {
        for label in hostname.split(separator: ".") where label.lowercased().hasPrefix("xn--") {
            guard let decoded = punycodeDecode(Array(label.dropFirst(4).unicodeScalars)), isValidULabel(decoded) else { return false }
        }
        return true
    }

    /// RFC 3492 decoding; nil when the input is not valid Punycode.
    static func punycodeDecode(_ input: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        var output: [UInt32] = []
        var rest = input[...]
        if let delimiter = input.lastIndex(of: "-") {
            guard input[..<delimiter].allSatisfy(\.isASCII) else { return nil }
            output = input[..<delimiter].map(\.value)
            rest = input[(delimiter + 1)...]
        }
        guard !rest.isEmpty else { return nil }
        var n = 128, i = 0, bias = 72, position = rest.startIndex
        func digit(_ scalar: Unicode.Scalar) -> Int? {
            switch scalar.value {
            case 0x30...0x39: Int(scalar.value) - 22
            case 0x41...0x5A: Int(scalar.value) - 0x41
            case 0x61...0x7A: Int(scalar.value) - 0x61
            default: nil
            }
        }
        while position < rest.endIndex {
            let oldI = i
            var w = 1, k = base
            while true {
                guard position < rest.endIndex, let value = digit(rest[position]) else { return nil }
                position += 1
                guard value <= (Int(Int32.max) - i) / w else { return nil }
                i += value * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if value < t { break }
                guard w <= Int(Int32.max) / (base - t) else { return nil }
                w *= base - t
                k += base
            }
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / (output.count + 1)
            k = 0
            while delta > ((base - tMin) * tMax) / 2 { delta /= base - tMin; k += base }
            bias = k + (base - tMin + 1) * delta / (delta + skew)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        let scalars = output.compactMap(Unicode.Scalar.init)
        return scalars.count == output.count ? scalars : nil
    }

    /// RFC 5891 §4.2.3 and RFC 5892 for a decoded label.
    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        switch first.properties.generalCategory {
        case .spacingMark, .nonspacingMark, .enclosingMark: return false
        default: break
        }
        return label.indices.allSatisfy { isAllowed(label, at: $0) }
    }

    private static func isAllowed(_ label: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = label[index], value = scalar.value
        let before = index > 0 ? label[index - 1] : nil, after = index + 1 < label.count ? label[index + 1] : nil
        switch value {
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return false
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return true
        case 0x00B7: return before == "l" && after == "l"
        case 0x0375: return after.map { (0x0370...0x03FF).contains($0.value) || (0x1F00...0x1FFF).contains($0.value) } ?? false
        case 0x05F3, 0x05F4: return before.map { (0x0590...0x05FF).contains($0.value) || (0xFB1D...0xFB4F).contains($0.value) } ?? false
        case 0x30FB: return label.contains { isKanaOrHan($0) }
        case 0x0660...0x0669: return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9: return !label.contains { (0x0660...0x0669).contains($0.value) }
        case 0x200D: return before?.properties.canonicalCombiningClass.rawValue == 9
        case 0x200C:
            if before?.properties.canonicalCombiningClass.rawValue == 9 { return true }
            return label[..<index].last(where: { !isTransparent($0) }).map(isJoiningLetter) == true
                && label[(index + 1)...].first(where: { !isTransparent($0) }).map(isJoiningLetter) == true
        default: return isStableLetterDigitOrMark(scalar)
        }
    }

    private static func isKanaOrHan(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value != 0x30FB && [0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0x3400...0x4DBF,
                                   0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF].contains { $0.contains(value) }
    }

    private static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
        [.nonspacingMark, .enclosingMark, .format].contains(scalar.properties.generalCategory)
    }

    private static func isJoiningLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return scalar.properties.isAlphabetic && [0x0600...0x06FF, 0x0700...0x074F, 0x0750...0x077F, 0x07C0...0x07FF, 0x0860...0x08FF,
                                                  0x1800...0x18AF, 0xA840...0xA87F].contains { $0.contains(value) }
    }

    /// RFC 5892's derivation for code points outside its tables: letters, digits and marks (not upper case) that
    /// NFKC case folding leaves alone, outside the old Hangul jamo; everything else is DISALLOWED.
    private static func isStableLetterDigitOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .decimalNumber, .nonspacingMark, .spacingMark: break
        default: return false
        }
        if (0x1100...0x11FF).contains(scalar.value) || (0xA960...0xA97F).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value) { return false }
        if scalar.properties.isDefaultIgnorableCodePoint { return false }
        let text = String(scalar)
        return text.lowercased().precomposedStringWithCompatibilityMapping == text
    }
}
"""#
}
