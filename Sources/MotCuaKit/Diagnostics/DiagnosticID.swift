/// Every kind of problem a build reports, once. The raw value is the stable id printed in tests and searched
/// for in the editors' guide (`unknown-key`); a new kind of problem is a new case here.
public enum DiagnosticID: String, CaseIterable, Sendable, Hashable {
    // Files and folders
    /// No Content/ folder.
    case missingContent = "missing-content"
    /// No Content/site.yml.
    case missingSiteYml = "missing-site-yml"
    /// No Theme/templates/ folder.
    case missingTheme = "missing-theme"
    /// A file that cannot be read.
    case unreadable = "unreadable"
    /// Text that is not UTF-8.
    case invalidUtf8 = "invalid-utf8"
    /// A content file with nothing in it.
    case emptyFile = "empty-file"
    /// Text holding an invisible control character (NUL, form feed, …): it cannot be shown in a page.
    case controlCharacter = "control-character"
    /// An invisible mark in text (zero-width space, direction mark, soft hyphen, a BOM inside the text, a joiner
    /// outside emoji): dropped, with a warning at its place so the editor can clean the file.
    case invisibleCharacter = "invisible-character"
    /// A path in Content/ that is a pipe, a device or a socket, not a file: reading it could block the build.
    case notAFile = "not-a-file"
    /// A content file that is a link to a file outside Content/: nothing outside the project is published.
    case contentOutside = "content-outside"
    /// A file or folder in Content/ that no step reads (a `.markdown` guide, a subfolder, an unknown folder).
    case ignoredFile = "ignored-file"
    /// A catalog file lost whole to its error: said once, with the procedures and guides that wait for it.
    case fileNotLoaded = "file-not-loaded"
    // YAML and front matter
    /// YAML that cannot be parsed.
    case yamlSyntax = "yaml-syntax"
    /// A tab used to indent YAML.
    case yamlTab = "yaml-tab"
    /// YAML nested deeper than a content file may be.
    case yamlTooDeep = "yaml-too-deep"
    /// A file that makes the reader look at more values than one file may hold (nested aliases, or a catalog
    /// far beyond a province's).
    case yamlTooLarge = "yaml-too-large"
    /// More YAML aliases than a content file may use.
    case yamlAliases = "yaml-aliases"
    /// A Markdown file that does not start with its `---` front matter.
    case missingFrontMatter = "missing-front-matter"
    /// Front matter whose closing `---` is missing.
    case unterminatedFrontMatter = "unterminated-front-matter"
    // Keys and values (the content schema)
    /// A key the schema does not declare.
    case unknownKey = "unknown-key"
    /// A required key not written.
    case missingKey = "missing-key"
    /// A required value left empty.
    case emptyValue = "empty-value"
    /// A value of the wrong shape (text, list, mapping, number, yes/no).
    case wrongType = "wrong-type"
    /// A value outside the allowed ones.
    case invalidValue = "invalid-value"
    /// A date not written year-month-day.
    case invalidDate = "invalid-date"
    /// A web address that is not a full https:// address.
    case invalidUrl = "invalid-url"
    /// A `slug` that is not lowercase letters, digits and dashes.
    case invalidSlug = "invalid-slug"
    /// A Markdown file name that is not a slug (the address is made from it).
    case fileNameSlug = "file-name-slug"
    // A province (Content/tinh.yml)
    /// No commune folder under Content/xa/, or one without its site.yml.
    case noCommune = "no-commune"
    /// A folder under Content/xa/ whose name cannot be the commune's address (`Output/<slug>/`).
    case invalidCommuneFolder = "invalid-commune-folder"
    /// A commune's change names a code the province's catalog does not have.
    case unknownChangedCode = "unknown-changed-code"
    /// A commune's change writes a key only the province's catalog sets (the name, the papers, …).
    case unchangeableKey = "unchangeable-key"
    /// `--xa` names a commune the province does not have.
    case unknownCommune = "unknown-commune"
    // The catalog
    /// Two procedures with one code.
    case duplicateCode = "duplicate-code"
    /// A catalog field file with no procedure.
    case emptyField = "empty-field"
    /// A form file that is a link out of Content/bieu-mau/.
    case formOutside = "form-outside"
    /// Two form files whose names are one name once normalised (NFC and NFD spellings).
    case duplicateForm = "duplicate-form"
    /// A file in Content/bieu-mau/ of a type forms may not have.
    case formType = "form-type"
    /// A `bieu_mau` value that is a path, not a file name in Content/bieu-mau/.
    case formPath = "form-path"
    /// A `bieu_mau` naming a file Content/bieu-mau/ does not have.
    case missingForm = "missing-form"
    /// A form file no procedure uses.
    case unusedForm = "unused-form"
    /// A procedure whose forms are too large together for one ZIP (4 GiB, 65,534 files): no bundle, forms one by one.
    case formBundleTooLarge = "form-bundle-too-large"
    /// A guide or a procedure's `thu_tuc_lien_quan` naming a procedure code the catalog does not have.
    case unknownProcedure = "unknown-procedure"
    /// A procedure whose `ngay_ra_soat` is older than the site's `ra_soat_sau_thang`: fees and legal bases change.
    case reviewOverdue = "review-overdue"
    /// A procedure that is online only (`chi_truc_tuyen`) but gives no online submission address.
    case onlineOnlyWithoutLink = "online-only-without-link"
    // Service levels: warnings, errors under `--strict`
    /// A service level that promises forms the procedure does not have.
    case levelNeedsForm = "level-needs-form"
    /// An online level without an online submission link.
    case levelNeedsOnlineLink = "level-needs-online-link"
    /// A level that promises online payment the procedure does not offer.
    case levelNeedsPayment = "level-needs-payment"
    /// A fully online level whose result is not delivered online.
    case levelNeedsOnlineResult = "level-needs-online-result"
    // Pages and links
    /// Two pages on one address.
    case duplicateUrl = "duplicate-url"
    /// A free page whose address is a section folder.
    case reservedSlug = "reserved-slug"
    /// A `dia_chi_cu` that is no address of this site: a full web address, `..`, a query, letters a slug
    /// does not have, the home page.
    case invalidFormerAddress = "invalid-former-address"
    /// A `dia_chi_cu` under a folder the site's files need (theme assets, forms).
    case reservedFormerAddress = "reserved-former-address"
    /// A `dia_chi_cu` that is a live page's address, or another entry's former address.
    case formerAddressTaken = "former-address-taken"
    /// A link in Markdown to a page or file the site does not have.
    case brokenLink = "broken-link"
    /// A `#anchor` link to an id the target page does not have.
    case brokenAnchor = "broken-anchor"
    /// A table row with more cells than a page can hold: cmark-gfm's table parser takes time that grows with
    /// the square of a row's cells.
    case tableTooWide = "table-too-wide"
    // The theme
    /// A template every theme must have is missing.
    case missingTemplate = "missing-template"
    /// A template that includes a template the theme does not have.
    case unknownPartial = "unknown-partial"
    /// A theme asset that is a link to a file outside Theme/assets/.
    case assetOutside = "asset-outside"
    /// A template that includes itself, directly or through others: it would never end.
    case templateRecursion = "template-recursion"
    /// A template that cannot be parsed, or uses syntax MotCua does not render.
    case templateSyntax = "template-syntax"
    // Radio texts
    /// A Markdown table in an announcement, which cannot be read aloud as it is.
    case radioTable = "radio-table"
    /// An abbreviation with several readings, left as written on air.
    case radioAmbiguousAbbreviation = "radio-ambiguous-abbreviation"
    /// A word in capitals that is neither a syllable nor a known abbreviation.
    case radioUnknownAbbreviation = "radio-unknown-abbreviation"
    /// A word of Latin letters that cannot be a Vietnamese syllable and is no known name ("container").
    case radioForeignWord = "radio-foreign-word"
    /// A symbol the reading text keeps as written, which no one can say (§, ☎, an emoji).
    case radioSymbol = "radio-symbol"

    /// Truthfulness findings about service levels: warnings by default, errors under `--strict`.
    public static let levelRules: Set<DiagnosticID> = [.levelNeedsForm, .levelNeedsOnlineLink, .levelNeedsPayment, .levelNeedsOnlineResult]
}
