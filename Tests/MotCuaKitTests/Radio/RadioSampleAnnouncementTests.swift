import Foundation
@testable import MotCuaKit
import Testing

/// The repository's own sample announcements must be readable on air as they are (the "done" check).
@Suite("Radio: sample announcements")
struct RadioSampleAnnouncementTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func sampleAnnouncementsHaveNoLeftovers() throws {
        let (loaded, diagnostics) = ContentLoader(root: Self.root, includeDrafts: true).load()
        let site = try #require(loaded, "\(diagnostics.all)")
        let abbreviations = Abbreviations(site: site.abbreviations.mapValues(\.value))
        let builder = RadioTextBuilder(abbreviations: abbreviations, hostNames: site.config.spokenNames,
                                       issuer: site.config.name)
        #expect(!site.announcements.isEmpty)
        for announcement in site.announcements {
            let radio = builder.build(announcement)
            if ProcessInfo.processInfo.environment["RADIO_PRINT"] != nil {
                print("=== \(announcement.slug.value) (\(radio.syllableCount))\n\(radio.text)\n\(radio.diagnostics.all)")
            }
            #expect(RadioText.leftovers(in: radio.text, abbreviations: abbreviations) == [], "\(announcement.slug.value)")
            #expect(radio.syllableCount > 100)
        }
    }
}
