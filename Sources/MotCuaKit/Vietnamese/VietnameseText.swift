import Foundation

/// Folding and normalisation shared by slugs, search and sorting.
public enum VietnameseText {
    /// Content files may arrive decomposed (NFD) from some systems; everything is compared in NFC.
    public static func nfc(_ text: String) -> String {
        isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that is NFC on its own and never combines with a neighbour: Latin up to
    /// U+02FF, the precomposed Vietnamese letters U+1E00–U+1EFF and general punctuation from U+2010 (loaded
    /// text is normalised already, so this spares the normaliser almost every string).
    static func isCertainlyNFC(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            let v = s.value
            return !(v < 0x300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x206F).contains(v))
        }
    }

    /// Lowercase, no diacritics, đ → d: what people type on a phone without a Vietnamese keyboard.
    /// U+0111 has no decomposition, so generic accent stripping would leave it.
    public static func fold(_ text: String) -> String {
        SearchIndex.tableFold(text, foldTable) ?? slowFold(text)
    }

    static let foldTable = SearchIndex.foldTable(slowFold)

    static func slowFold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Unicode's White_Space, spelled out: what `Character.isWhitespace` and ICU's `\s` test for one scalar.
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        (v >= 0x09 && v <= 0x0D) || v == 0x20 || v == 0x85 || v == 0xA0 || v == 0x1680
            || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// "Đăng ký khai sinh" → "dang-ky-khai-sinh"; anything that is not a letter or digit separates words.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in fold(text).unicodeScalars {
            let isWordChar = (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            if isWordChar {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// A slug is what a URL is made of: lowercase ASCII words joined by single dashes.
    public static func isValidSlug(_ text: String) -> Bool {
        !text.isEmpty && slug(text) == text
    }
}
