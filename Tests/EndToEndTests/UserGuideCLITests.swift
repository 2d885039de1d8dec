import Foundation
import XCTest

/// docs/user-guide.md stays true: its `$ ragtop report …` and `$ ragtop diff …` examples are
/// run, and what the guide shows must be what ragtop prints.
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
        try runExamples(examples)
    }

    /// Every `$ ragtop report …` and `$ ragtop diff …` example anywhere in the guide prints what
    /// the guide shows (in full, or its first N lines when the example ends `| head -n N`).
    func testEveryReportAndDiffExampleInTheGuide() throws {
        let guide = try String(contentsOf: RagtopBinary.repoRoot.appendingPathComponent("docs/user-guide.md"), encoding: .utf8)
        let examples = blocks(of: guide).filter { $0.first?.hasPrefix("$ ragtop report ") == true || $0.first?.hasPrefix("$ ragtop diff ") == true }
        XCTAssertGreaterThanOrEqual(examples.count, 7, "the guide's report and diff examples")
        try runExamples(examples)
    }

    /// Every fenced block of the guide.
    private func blocks(of guide: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = [] }
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Runs each example (its first line, `$ ragtop …`, optionally `| head -n N`) in a folder that
    /// holds the bundled October edition and an August one made from it, as the guide's
    /// walk-through names them, and compares what it prints with the rest of the block.
    private func runExamples(_ examples: [[String]]) throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-guide-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        try fm.copyItem(at: AugustEdition.bundled, to: work.appendingPathComponent("kent-cype-2024-10"))
        try AugustEdition.make(at: work.appendingPathComponent("kent-2024-08"), revised: false)

        for example in examples {
            let command = example[0]
            let parts = command.dropFirst("$ ragtop ".count).components(separatedBy: " | head -n ")
            let count: Int? = parts.count == 2 ? Int(parts[1]) : nil
            if parts.count == 2 { XCTAssertNotNil(count, "\(command): expected '… | head -n N'") }
            let r = try RagtopBinary.run(args: parts[0].split(separator: " ").map(String.init), env: ["LC_ALL": "C.UTF-8"], in: work)
            // report exits 0; diff exits 1 when the editions differ, as diff(1) does.
            XCTAssertTrue([0, 1].contains(r.status), "\(command): \(r.stderr)")
            var printed = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let count { printed = Array(printed.prefix(count)) } else if printed.last == "" { printed.removeLast() }
            XCTAssertEqual(Array(example.dropFirst()), printed, command)
        }
    }
}
