import Foundation
import XCTest
@testable import Themes

/// The bundled themes are embedded in the binary (Sources/Themes/BundledThemes.swift) so ragtop
/// finds them from any directory and without its resource bundle. This test keeps that file
/// identical, byte for byte, to the repository's themes/ folder — and regenerates it when run
/// with RAGTOP_REGENERATE_THEMES=1.
final class EmbeddedThemesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themesFolder = repository.appendingPathComponent("themes")
    static let generatedFile = repository.appendingPathComponent("Sources/Themes/BundledThemes.swift")

    /// The themes/ folder: name and exact text of every .toml file, in cycling order.
    static func folderThemes() throws -> [BundledTheme] {
        let names = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path)
            .filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
        func rank(_ n: String) -> (Int, String) { (ThemeCatalog.bundledOrder.firstIndex(of: n) ?? 99, n) }
        return try names.sorted { rank($0) < rank($1) }.map { name in
            let data = try Data(contentsOf: themesFolder.appendingPathComponent(name + ".toml"))
            return BundledTheme(name: name, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// The Swift source that embeds `themes`.
    static func generate(_ themes: [BundledTheme]) throws -> String {
        var out = """
        // Generated from the repository's themes/*.toml by Tests/ThemesTests/EmbeddedThemesTests.swift.
        // Do not edit: change the files in themes/ and run
        //   RAGTOP_REGENERATE_THEMES=1 swift test --filter EmbeddedThemesTests

        public enum BundledThemes {
            public static let all: [BundledTheme] = [

        """
        for t in themes {
            // A raw string with ## delimiters holds the text as it is; the test below checks the
            // round trip, so any text that would break out of it fails loudly.
            guard !t.text.contains("\"\"\"##"), !t.text.contains("\\##"), !t.text.contains("\r") else {
                throw NSError(domain: "themes", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(t.name).toml holds text that cannot be embedded (\"\"\"##, \\## or CR)"])
            }
            out += "        BundledTheme(name: \"\(t.name)\", text: ##\"\"\"\n\(t.text)\n\"\"\"##),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    func testEmbeddedThemesMatchTheFolder() throws {
        let folder = try Self.folderThemes()
        XCTAssertFalse(folder.isEmpty, "no themes in \(Self.themesFolder.path)")
        if ProcessInfo.processInfo.environment["RAGTOP_REGENERATE_THEMES"] == "1" {
            try Self.generate(folder).write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            print("wrote \(Self.generatedFile.path); rebuild and test again")
            return
        }
        XCTAssertEqual(BundledThemes.all.map(\.name), folder.map(\.name),
                       "themes/ and BundledThemes.swift differ: run RAGTOP_REGENERATE_THEMES=1 swift test --filter EmbeddedThemesTests")
        for (embedded, file) in zip(BundledThemes.all, folder) where Array(embedded.text.utf8) != Array(file.text.utf8) {
            let a = embedded.text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("themes/\(file.name).toml differs from its embedded copy from line \(line + 1): run RAGTOP_REGENERATE_THEMES=1 swift test --filter EmbeddedThemesTests")
        }
        // And the generated source is exactly what the generator writes now.
        let source = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        XCTAssertTrue(source == (try Self.generate(folder)), "BundledThemes.swift is not what the generator writes: regenerate it")
    }

    func testEveryRequiredThemeIsBundled() {
        for name in ThemeCatalog.bundledOrder {
            XCTAssertTrue(BundledThemes.all.contains { $0.name == name }, "\(name) is not bundled")
        }
    }
}
