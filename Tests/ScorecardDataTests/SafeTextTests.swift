import XCTest
@testable import ScorecardData

/// The one sanitiser: what counts as unsafe, the one placeholder style, clipping for messages,
/// and the ASCII fold that `--ascii` uses.
final class SafeTextTests: XCTestCase {
    func testEveryUnsafeScalarBecomesOnePlaceholder() {
        let hostile = "A\u{1B}]52;c;ZXZpbA==\u{07}B\u{9B}2J\u{202E}x\u{7F}\u{2066}\u{200F}\n"
        let safe = SafeText.sanitize(hostile)
        XCTAssertEqual(safe, "A<U+1B>]52;c;ZXZpbA==<U+7>B<U+9B>2J<U+202E>x<U+7F><U+2066><U+200F><U+A>")
        XCTAssertFalse(safe.unicodeScalars.contains(where: SafeText.isUnsafe))
        XCTAssertEqual(SafeText.sanitize("two\nlines\u{1B}", keepingLineFeeds: true), "two\nlines<U+1B>")
        XCTAssertEqual(SafeText.sanitize("Tunbridge Wells · 界 é"), "Tunbridge Wells · 界 é", "safe text is left alone")
    }

    func testClipCutsLongQuotationsAfterSanitising() {
        XCTAssertEqual(SafeText.clip("abc\u{1B}[2J", limit: 40), "abc<U+1B>[2J")
        XCTAssertEqual(SafeText.clip(String(repeating: "x", count: 50), limit: 40), String(repeating: "x", count: 40) + "…")
    }

    func testASCIIFoldKeepsLettersAndPunctuationReadable() {
        XCTAssertEqual(SafeText.ascii("Ynys Môn – Gwynedd … “quoted” £5 e\u{301}"), "Ynys Mon - Gwynedd ... \"quoted\" GBP5 e")
        XCTAssertEqual(SafeText.ascii("東京 🚀"), "?? ?")
        XCTAssertEqual(SafeText.ascii("Kent\u{1B}[2J"), "Kent<U+1B>[2J")
        XCTAssertTrue(SafeText.ascii("Ærø Straße").allSatisfy(\.isASCII))
    }
}
