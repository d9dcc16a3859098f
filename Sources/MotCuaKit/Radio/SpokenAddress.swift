/// Web and e-mail addresses as an announcer can say them.
///
/// A URL is replaced by the site's on-air name for its host when there is one ("dichvucong.gov.vn" →
/// "Cổng dịch vụ công quốc gia"); otherwise its host is read label by label with "chấm" ("dịch vụ công chấm gov
/// chấm vn"). The path is never read: it cannot be taken down by ear, and the host tells listeners where to go.
/// An e-mail is read as "<local> a còng <host>", with "." as "chấm", "-" as "gạch ngang", "_" as "gạch dưới";
/// a known mail provider in the host is read by its name ("gmail" → "gờ meo", "yahoo" → "da hu").
/// Each label is read as Vietnamese syllables when it splits into them ("anphu" → "an phu"), through a small
/// dictionary of common portal words ("dichvucong" → "dịch vụ công"), and otherwise letter by letter ("ubnd" →
/// "u b n d"); top-level labels (gov, vn, com …) stay as written.
enum SpokenAddress {
    /// Common words in Vietnamese government host names, with their diacritics.
    static let labelWords: [String: String] = [
        "dichvucong": "dịch vụ công",
        "chinhphu": "chính phủ",
        "baohiemxahoi": "bảo hiểm xã hội",
        "thuvienphapluat": "thư viện pháp luật",
        "congan": "công an",
        "vanban": "văn bản",
        "vbpl": "v b p l",
        "csdl": "c s d l",
        "hotich": "hộ tịch",
    ]

    static let keptLabels: Set<String> = ["gov", "vn", "com", "net", "org", "edu", "info"]

    /// The host of a URL or bare domain, lowercased and without "www.": the key for the site's on-air names.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let end = rest.firstIndex { $0 == "/" || $0 == ":" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<end].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }

    static func url(_ url: String, names: [String: String]) -> String {
        let host = host(of: url)
        if let name = names[host] { return name }
        return hostWords(host)
    }

    static func hostWords(_ host: String) -> String {
        host.split(separator: ".").map { label($0, keep: keptLabels.contains(String($0))) }.joined(separator: " chấm ")
    }

    static func email(_ address: String, names: [String: String]) -> String {
        guard let at = address.lastIndex(of: "@") else { return address }
        let local = address[..<at]
        let host = String(address[address.index(after: at)...]).lowercased()
        let localWords = local.split(separator: ".", omittingEmptySubsequences: false).map { part in
            part.split(separator: "-", omittingEmptySubsequences: false).map { sub in
                sub.split(separator: "_", omittingEmptySubsequences: false).map { label($0.lowercased()[...]) }
                    .joined(separator: " gạch dưới ")
            }.joined(separator: " gạch ngang ")
        }.joined(separator: " chấm ")
        let hostLabels = host.split(separator: ".")
        let hostReading = hostLabels.map { part -> String in
            if let name = mailProviders[String(part)] { return name }
            return label(part, keep: keptLabels.contains(String(part)))
        }.joined(separator: " chấm ")
        return localWords + " a còng " + hostReading
    }

    /// Mail providers whose names listeners know by ear, in an e-mail's host ("gmail.com" → "gờ meo chấm com").
    static let mailProviders: [String: String] = [
        "gmail": "gờ meo",
        "yahoo": "da hu",
        "hotmail": "hót meo",
        "outlook": "ao lúc",
    ]

    /// One label: kept, a known word, syllables, or letters; digits always in words, one by one.
    static func label(_ label: Substring, keep: Bool = false) -> String {
        let text = label.lowercased()
        if keep { return text }
        if let word = labelWords[text] { return word }
        var pieces: [String] = []
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            pieces.append(syllables(run) ?? run.map(String.init).joined(separator: " "))
            run = ""
        }
        for c in text {
            if c.isASCIIDigit {
                flush()
                pieces.append(VietnameseNumberReader.digits(String(c)))
            } else if c == "-" {
                flush()
                pieces.append("gạch ngang")
            } else {
                run.append(c)
            }
        }
        flush()
        return pieces.joined(separator: " ")
    }

    /// Splits an unaccented label into Vietnamese syllables ("haiduong" → "hai duong"), preferring splits whose
    /// syllables start with a consonant ("dich vu cong", not "dich vuc ong"); nil when it does not split.
    static func syllables(_ text: String) -> String? {
        let chars = Array(text)
        let n = chars.count
        guard n > 0, n <= 40 else { return nil }
        // best[i]: (vowel-initial syllables, syllable count, split) for chars[i...]
        var best = [(Int, Int, [String])?](repeating: nil, count: n + 1)
        best[n] = (0, 0, [])
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)...min(n, i + 7) {
                let piece = String(chars[i..<j])
                guard isSyllable(piece), let rest = best[j] else { continue }
                let vowelStart = "aeiouy".contains(chars[i]) ? 1 : 0
                let candidate = (rest.0 + vowelStart, rest.1 + 1, [piece] + rest.2)
                if let current = best[i], (current.0, current.1) <= (candidate.0, candidate.1) { continue }
                best[i] = candidate
            }
        }
        return best[0].map { $0.2.joined(separator: " ") }
    }

    /// Whether an unaccented lowercase word has the shape of one Vietnamese syllable (onset, 1–3 vowels, coda).
    /// Used to split host names and to tell "UBND" (an abbreviation) from "XÃ" (a word in capitals).
    static func isSyllable(_ word: String) -> Bool {
        var rest = Substring(word)
        for onset in ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch"] where rest.hasPrefix(onset) {
            rest = rest.dropFirst(onset.count)
            break
        }
        if rest.count == word.count, let first = rest.first, "bcdghklmnprstvx".contains(first) {
            rest = rest.dropFirst()
        }
        let vowels = rest.prefix { "aeiouy".contains($0) }
        // "gi" can be the whole onset and nucleus ("gì" folds to "gi"), also before a final consonant ("gìn").
        if vowels.isEmpty {
            return word.hasPrefix("gi") && ["", "n", "m", "t", "p", "ch", "nh"].contains(String(rest))
        }
        guard vowels.count <= 3 else { return false }
        let coda = rest.dropFirst(vowels.count)
        return ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].contains(String(coda))
    }
}
