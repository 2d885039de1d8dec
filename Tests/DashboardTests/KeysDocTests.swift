import Foundation
import XCTest
@testable import Dashboard

/// docs/keys.md carries the keymap table generated from `Keymap.bindings`, the same table that
/// drives key handling and the `?` screen. This test fails when they drift apart.
final class KeysDocTests: XCTestCase {
    func testKeysDocMatchesTheKeymap() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        if ProcessInfo.processInfo.environment["RAGTOP_PRINT_KEYS"] == "1" { print(Keymap.markdown()) }
        let doc = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(doc.contains(Keymap.markdown()), "docs/keys.md is out of date: paste Keymap.markdown() (run `swift test --filter KeysDocTests` with RAGTOP_PRINT_KEYS=1 to print it)")
    }

    func testEveryBindingReachesItsCommand() {
        for b in Keymap.bindings {
            for k in b.keys where !(k == .character("g") && b.command == .top) {
                XCTAssertEqual(Keymap.command(for: k), b.command, "\(k.displayName)")
            }
        }
    }
}
