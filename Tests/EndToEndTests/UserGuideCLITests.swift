import Foundation
import XCTest

/// docs/user-guide.md stays true: every `$ ragtop …` example of the "What changed since
/// August?" walk-through is run, and what the guide shows must be what ragtop prints.
final class UserGuideCLITests: XCTestCase {
    /// The fenced blocks of the section under `heading` (up to the next `## ` heading outside a block).
    private func blocks(of guide: String, under heading: String) -> [[String]] {
        var blocks: [[String]] = []
        var inSection = false, current: [String]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil && line.hasPrefix("## ") {
                if inSection { break }
                inSection = line.hasPrefix(heading)
                continue
            }
            guard inSection else { continue }
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = [] }
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    func testWhatChangedSinceAugustWalkThrough() throws {
        let guide = try String(contentsOf: RagtopBinary.repoRoot.appendingPathComponent("docs/user-guide.md"), encoding: .utf8)
        let examples = blocks(of: guide, under: "## \"What changed since August?\"").filter { $0.first?.hasPrefix("$ ragtop ") == true }
        XCTAssertEqual(examples.count, 4, "the walk-through's examples")

        // The folders the examples name: October's bundled edition and an August one made from it.
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-guide-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        try fm.copyItem(at: AugustEdition.bundled, to: work.appendingPathComponent("kent-cype-2024-10"))
        try AugustEdition.make(at: work.appendingPathComponent("kent-2024-08"), revised: false)

        for example in examples {
            let command = example[0]
            let parts = command.dropFirst("$ ragtop ".count).components(separatedBy: " | head -n ")
            let count = try XCTUnwrap(parts.count == 2 ? Int(parts[1]) : nil, "\(command): expected '… | head -n N'")
            let r = try RagtopBinary.run(args: parts[0].split(separator: " ").map(String.init), env: ["LC_ALL": "C.UTF-8"], in: work)
            XCTAssertTrue([0, 1].contains(r.status), "\(command): \(r.stderr)")
            let printed = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(count).map(String.init)
            XCTAssertEqual(Array(example.dropFirst()), printed, command)
        }
    }
}
