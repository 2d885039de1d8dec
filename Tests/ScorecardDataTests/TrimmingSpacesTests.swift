import XCTest
@testable import ScorecardData

/// `trimmingSpaces`: leading and trailing spaces and tabs go, and nothing else, whether or not
/// the string starts or ends with one (the first and last bytes decide whether to look).
final class TrimmingSpacesTests: XCTestCase {
    func testSpacesAndTabsAtEitherEndGo() {
        let cases: [(String, String)] = [
            ("", ""), ("a", "a"), ("Kent", "Kent"), ("a b", "a b"), ("a\tb", "a\tb"),
            (" a", "a"), ("a ", "a"), ("\ta", "a"), ("a\t", "a"), (" \t a b \t ", "a b"),
            ("  ", ""), ("\t", ""), (" ", ""), ("é ", "é"), (" Ünïcödé", "Ünïcödé"),
            ("a\n", "a\n"), ("\u{A0}a\u{A0}", "\u{A0}a\u{A0}"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(input.trimmingSpaces(), expected, "'\(input)'")
        }
    }

    /// A space that a combining mark joins is part of a character that is not a space, so it
    /// stays, as it always has.
    func testASpaceWithACombiningMarkStays() {
        XCTAssertEqual(" \u{301}a ".trimmingSpaces(), " \u{301}a")
        XCTAssertEqual("a \u{301}".trimmingSpaces(), "a \u{301}")
    }
}
